namespace OomLab.Kql.Evaluation;

/// <summary>
/// A lazy selection of another column's rows: <c>where</c> shares one selection vector among all
/// columns and only the columns a later step reads are gathered (once, on first typed access).
/// Predicates read a selection's source through <see cref="Unwrap"/> without gathering it.
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

    /// <summary>
    /// The concrete column holding <paramref name="column"/>'s values and, when they are a selection not yet gathered,
    /// the rows of it they are (null: the values are the column's own, row for row).
    /// </summary>
    public static (Column Source, int[]? Rows) Unwrap(Column column) =>
        column is SelectedColumn { _materialized: null } selected ? (selected._source, selected._rows) : (column.Materialize(), null);

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        // A negative index asks for a null (outer joins), which only a concrete column can hold.
        if (_materialized is not null || rows.Contains(-1))
        {
            return Materialize().Gather(rows);
        }

        var composed = new int[rows.Length];
        Compose(_rows, rows, composed);
        return new SelectedColumn(_source, composed);
    }

    /// <summary>A selection of this selection's rows, sharing one composed row vector among the columns of a table.</summary>
    public Column Select(RowComposer composer) =>
        new SelectedColumn(_materialized ?? _source, _materialized is null ? composer.Compose(_rows) : composer.Rows);

    public override Column Materialize() => _materialized ??= _source.Gather(_rows);

    private static void Compose(int[] inner, ReadOnlySpan<int> rows, Span<int> into)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            into[i] = rows[i] >= 0 ? inner[rows[i]] : -1;
        }
    }

    /// <summary>
    /// Selects <see cref="Rows"/> of columns that are themselves selections: the composed row vector is made once
    /// per inner selection (all the columns of a filtered table share one), not once per column.
    /// </summary>
    internal sealed class RowComposer(int[] rows)
    {
        private readonly Lock _gate = new();
        private int[]? _inner;
        private int[]? _composed;

        public int[] Rows { get; } = rows;

        public int[] Compose(int[] inner)
        {
            lock (_gate)
            {
                if (!ReferenceEquals(inner, _inner))
                {
                    var composed = new int[Rows.Length];
                    SelectedColumn.Compose(inner, Rows, composed);
                    (_inner, _composed) = (inner, composed);
                }

                return _composed!;
            }
        }
    }
}
