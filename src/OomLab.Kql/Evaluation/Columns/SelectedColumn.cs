namespace OomLab.Kql.Evaluation;

/// <summary>
/// A lazy selection of another column's rows: <c>where</c> shares one selection vector among all
/// columns and only the columns a later step reads are gathered (once, on first typed access).
/// </summary>
internal sealed class SelectedColumn : Column
{
    private readonly Column _source;
    private readonly int[] _rows;
    private Column? _materialized;

    public SelectedColumn(Column source, int[] rows)
    {
        _source = source;
        _rows = rows;
    }

    public override KqlType Type => _source.Type;

    public override int Length => _rows.Length;

    public override long EstimatedBytes => _materialized?.EstimatedBytes ?? _rows.Length * 4L;

    public override bool IsNull(int row) => _source.IsNull(_rows[row]);

    public override KqlValue Get(int row) => _source.Get(_rows[row]);

    public override void Set(int row, in KqlValue value) => throw new InvalidOperationException("a selected column is read-only");

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        // A negative index asks for a null (outer joins), which only a concrete column can hold.
        if (_materialized is not null || rows.Contains(-1))
        {
            return Materialize().Gather(rows);
        }

        var composed = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            composed[i] = rows[i] >= 0 ? _rows[rows[i]] : -1;
        }

        return new SelectedColumn(_source, composed);
    }

    public override Column Materialize() => _materialized ??= _source.Gather(_rows);
}
