namespace OomLab.Kql.Evaluation;

/// <summary>int, long, datetime (UTC ticks) and timespan (ticks) values.</summary>
internal sealed class Int64Column : Column
{
    public Int64Column(KqlType type, long[] values, bool[]? nulls)
    {
        Type = type;
        Values = values;
        Nulls = nulls;
    }

    public override KqlType Type { get; }

    public long[] Values { get; }

    public bool[]? Nulls { get; private set; }

    public override int Length => Values.Length;

    public override long EstimatedBytes => Values.Length * (Nulls is null ? 8L : 9L);

    public override bool IsNull(int row) => Nulls is not null && Nulls[row];

    public override KqlValue Get(int row) => IsNull(row) ? KqlValue.Null(Type) : KqlValue.FromLong(Values[row], Type);

    public override void Set(int row, in KqlValue value)
    {
        if (value.IsNull)
        {
            SetNull(row);
            return;
        }

        Values[row] = value.Type == KqlType.Real ? (long)value.Real : value.Long;
    }

    public void SetNull(int row)
    {
        Nulls ??= new bool[Values.Length];
        Nulls[row] = true;
    }

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var values = GatherValues(Values, rows, 0);
        return new Int64Column(Type, values, GatherNulls(Nulls, rows));
    }
}
