using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;

namespace OomLab.Telemetry;

/// <summary>
/// One or more telemetry stores as KQL tables (<see cref="TelemetryViews"/>: every known table, every table an import made,
/// a classic table and its workspace twin each showing the rows of both). Several stores (one per instance of a
/// scaled-out app) read as one: each table shows the rows of every store, merged by time as one store would hold them
/// (<see cref="StoreMerge"/>), with every column any of them has. A table's rows are counted the first time a query
/// names it, and each column is read into the engine's typed columns the first time a query reads it, straight from
/// each store's columnar copy or SQLite, then kept for the following queries (a diagnosis runs dozens of queries over
/// one source).
/// </summary>
internal sealed class TelemetryTableSource : ITableSource, IDisposable
{
    private readonly IReadOnlyList<StoreTables> stores;
    private readonly Dictionary<string, List<TelemetryColumn>> tables;
    private readonly ConcurrentDictionary<string, KqlTable> loaded = new(StringComparer.Ordinal);

    private TelemetryTableSource(IReadOnlyList<StoreTables> stores)
    {
        this.stores = stores;
        tables = Columns(stores);
    }

    /// <summary>The stores' <c>telemetry.db</c> files, in the order given.</summary>
    public IReadOnlyList<string> Paths => [.. stores.Select(s => s.Path)];

    /// <summary>Opens a store; <paramref name="path"/> is the <c>telemetry.db</c> file.</summary>
    public static TelemetryTableSource Open(string path) => Open([path]);

    /// <summary>
    /// Opens stores to read as one (<paramref name="paths"/> are <c>telemetry.db</c> files, see <see cref="TelemetryLocation"/>);
    /// throws <see cref="OomLabException"/> naming the first that is not a telemetry store this oomlab reads.
    /// </summary>
    public static TelemetryTableSource Open(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        var opened = new List<StoreTables>(paths.Count);
        try
        {
            foreach (var path in paths)
            {
                opened.Add(StoreTables.Open(path));
            }

            return new TelemetryTableSource(opened);
        }
        catch
        {
            opened.ForEach(store => store.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Reads <paramref name="wanted"/> (table and column names as queries name them; unknown ones are skipped) now, in
    /// one pass per stored table of each store, several at once, instead of one pass per column when queries first read them.
    /// </summary>
    public void Prefetch(IEnumerable<(string Table, string Column)> wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var distinct = wanted.Distinct().ToList();
        var work = stores.SelectMany(store => store.Plan(distinct)).ToList();

        // The largest passes first, so the two cores finish together.
        work.Sort((a, b) => ((long)b.Rows * b.Columns.Count).CompareTo((long)a.Rows * a.Columns.Count));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(work, parallel, fetch => fetch.Store.Fetch(fetch));
    }

    /// <summary>
    /// Whether every store's tables with rows have a current columnar copy (<see cref="ColumnarCopy"/>): then a column costs
    /// little to read when a query first needs it, and reading ahead saves nothing.
    /// </summary>
    public bool HasColumnarCopy => stores.All(store => store.HasColumnarCopy);

    public IEnumerable<string> TableNames => tables.Keys;

    /// <summary>The rows in all stored tables of all stores (each counted once, though a classic table and its twin both show them).</summary>
    public long RowCount => stores.Sum(store => store.RowCount);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table)
    {
        if (!tables.TryGetValue(name, out var columns))
        {
            table = null;
            return false;
        }

        table = loaded.GetOrAdd(name, _ => Defer(name, columns));
        return true;
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    // Every table any store shows, with every column any store's shows it with (two types of an added column widened).
    private static Dictionary<string, List<TelemetryColumn>> Columns(IReadOnlyList<StoreTables> stores)
    {
        var tables = new Dictionary<string, List<TelemetryColumn>>(StringComparer.Ordinal);
        foreach (var view in stores.SelectMany(store => store.Views.Values))
        {
            if (!tables.TryGetValue(view.Name, out var columns))
            {
                tables[view.Name] = [.. view.Columns];
                continue;
            }

            foreach (var column in view.Columns)
            {
                var index = columns.FindIndex(c => c.Name == column.Name);
                if (index < 0)
                {
                    columns.Add(column);
                }
                else if (columns[index].Type != column.Type)
                {
                    columns[index] = columns[index] with { Type = TelemetryViews.Wider(columns[index].Type, column.Type) };
                }
            }
        }

        return tables;
    }

    private KqlTable Defer(string name, List<TelemetryColumn> columns)
    {
        var rows = stores.Select(store => store.PartRows(name).Sum()).ToArray();
        var total = rows.Sum();
        var merge = rows.Count(r => r > 0) > 1 && TimeColumn(columns) is { } time
            ? new StoreMerge(time, rows, () => Assemble(name, time))
            : null;
        var builder = new KqlTableBuilder(name);
        foreach (var column in columns)
        {
            builder.AddDeferred(column.Name, TelemetryColumnData.KqlTypeOf(column.Type), total, into =>
                (merge is null ? Assemble(name, column) : merge.Arrange(column, () => Assemble(name, column))).AddTo(into));
        }

        return builder.Build();
    }

    // The column's values, store after store.
    private TelemetryColumnData Assemble(string name, TelemetryColumn column) =>
        ColumnValues.Assemble(column, [.. stores.SelectMany(store => store.Parts(name, column.Name))]);

    private static TelemetryColumn? TimeColumn(List<TelemetryColumn> columns) =>
        columns.FirstOrDefault(c => c is { Name: "timestamp", Type: TelemetryColumnType.DateTime })
        ?? columns.FirstOrDefault(c => c is { Name: "TimeGenerated", Type: TelemetryColumnType.DateTime });
}
