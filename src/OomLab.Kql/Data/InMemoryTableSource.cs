namespace OomLab.Kql;

/// <summary>An <see cref="ITableSource"/> over tables held in memory.</summary>
public sealed class InMemoryTableSource : ITableSource
{
    private readonly Dictionary<string, KqlTable> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates a source with the given tables, each registered under its own name.</summary>
    public InMemoryTableSource(params IEnumerable<KqlTable> tables)
    {
        foreach (var table in tables)
        {
            Add(table);
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> TableNames => _tables.Keys;

    /// <summary>Adds or replaces a table under its <see cref="KqlTable.Name"/>.</summary>
    public InMemoryTableSource Add(KqlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables[table.Name] = table;
        return this;
    }

    /// <inheritdoc />
    public bool TryGetTable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KqlTable? table) => _tables.TryGetValue(name, out table);
}
