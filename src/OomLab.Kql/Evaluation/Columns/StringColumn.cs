namespace OomLab.Kql.Evaluation;

/// <summary>string values; never null (a missing string is empty).</summary>
internal sealed class StringColumn : Column
{
    public StringColumn(string[] values) => Values = values;

    public string[] Values { get; }

    public override KqlType Type => KqlType.String;

    public override int Length => Values.Length;

    public override long EstimatedBytes
    {
        get
        {
            // Sample rather than walk every string: the budget needs an order of magnitude, not a count.
            long sampled = 0;
            var step = Math.Max(1, Values.Length / 64);
            var samples = 0;
            for (var i = 0; i < Values.Length; i += step)
            {
                sampled += Values[i].Length;
                samples++;
            }

            var average = samples == 0 ? 0 : sampled / samples;
            return Values.Length * (8 + 24 + (2 * average));
        }
    }

    public override bool IsNull(int row) => false;

    public override KqlValue Get(int row) => KqlValue.FromString(Values[row]);

    public override void Set(int row, in KqlValue value) => Values[row] = value.Type == KqlType.String ? value.String : value.ToText();

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var values = GatherValues(Values, rows, string.Empty);
        return new StringColumn(values);
    }
}
