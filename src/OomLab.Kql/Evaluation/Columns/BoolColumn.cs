namespace OomLab.Kql.Evaluation;

/// <summary>bool values.</summary>
internal sealed class BoolColumn : Column
{
    public BoolColumn(bool[] values, bool[]? nulls)
    {
        Values = values;
        Nulls = nulls;
    }

    public bool[] Values { get; }

    public bool[]? Nulls { get; private set; }

    public override KqlType Type => KqlType.Bool;

    public override int Length => Values.Length;

    public override long EstimatedBytes => Values.Length * (Nulls is null ? 1L : 2L);

    public override bool IsNull(int row) => Nulls is not null && Nulls[row];

    /// <summary>True where the value is true and not null: what <c>where</c> keeps.</summary>
    public bool IsTrue(int row) => Values[row] && (Nulls is null || !Nulls[row]);

    public override KqlValue Get(int row) => IsNull(row) ? KqlValue.Null(KqlType.Bool) : KqlValue.FromBool(Values[row]);

    public override void Set(int row, in KqlValue value)
    {
        if (value.IsNull)
        {
            SetNull(row);
            return;
        }

        Values[row] = value.Type == KqlType.Real ? value.Real != 0 : value.Long != 0;
    }

    public void SetNull(int row)
    {
        Nulls ??= new bool[Values.Length];
        Nulls[row] = true;
    }

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var values = GatherValues(Values, rows, false);
        return new BoolColumn(values, GatherNulls(Nulls, rows));
    }
}
