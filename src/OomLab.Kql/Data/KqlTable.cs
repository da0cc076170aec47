namespace OomLab.Kql;

/// <summary>A columnar table: named typed columns of equal length, and a render hint when the query gave one.</summary>
public sealed class KqlTable
{
    private Dictionary<string, int>? _index;

    internal KqlTable(string name, IReadOnlyList<KqlColumn> columns, int rowCount, KqlRenderHint? render = null)
    {
        Name = name;
        Columns = columns;
        RowCount = rowCount;
        Render = render;
    }

    /// <summary>The table name (<c>PrimaryResult</c> for a query result).</summary>
    public string Name { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<KqlColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The chart hint from <c>render</c>, or null.</summary>
    public KqlRenderHint? Render { get; }

    /// <summary>The column called <paramref name="name"/> (case-sensitive), or null.</summary>
    public KqlColumn? Column(string name)
    {
        _index ??= Columns.Select((c, i) => (c.Name, i)).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        return _index.TryGetValue(name, out var i) ? Columns[i] : null;
    }

    /// <summary>Row <paramref name="row"/> as CLR values (see <see cref="KqlColumn.GetValue"/>).</summary>
    public object?[] GetRow(int row) => Columns.Select(c => c.GetValue(row)).ToArray();

    /// <summary>The same columns under another table name (to register a loaded table under the name queries use).</summary>
    public KqlTable Rename(string name) => new(name, Columns, RowCount, Render);

    internal KqlTable WithRender(KqlRenderHint? render) => new(Name, Columns, RowCount, render);

    internal long EstimatedBytes => Columns.Where(c => c.IsLoaded).Sum(c => c.Data.EstimatedBytes);
}
