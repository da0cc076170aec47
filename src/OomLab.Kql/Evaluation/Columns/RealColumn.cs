namespace OomLab.Kql.Evaluation;

/// <summary>real values.</summary>
internal sealed class RealColumn : Column
{
    public RealColumn(double[] values, bool[]? nulls)
    {
        Values = values;
        Nulls = nulls;
    }

    public double[] Values { get; }

    public bool[]? Nulls { get; private set; }

    public override KqlType Type => KqlType.Real;

    public override int Length => Values.Length;

    public override long EstimatedBytes => Values.Length * (Nulls is null ? 8L : 9L);

    public override bool IsNull(int row) => Nulls is not null && Nulls[row];

    public override KqlValue Get(int row) => IsNull(row) ? KqlValue.Null(KqlType.Real) : KqlValue.FromReal(Values[row]);

    public override void Set(int row, in KqlValue value)
    {
        var real = value.AsReal();
        if (real is null)
        {
            SetNull(row);
            return;
        }

        Values[row] = real.Value;
    }

    public void SetNull(int row)
    {
        Nulls ??= new bool[Values.Length];
        Nulls[row] = true;
    }

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var values = GatherValues(Values, rows, 0);
        return new RealColumn(values, GatherNulls(Nulls, rows));
    }
}
