using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;
using OomLab.Playbook;

namespace OomLab.Telemetry;

/// <summary>
/// The telemetry store as KQL tables (<see cref="TelemetryViews"/>: every known table, every table an import made, a
/// classic table and its workspace twin each showing the rows of both): a table's rows are counted the first time a
/// query names it, and each column is read into the engine's typed columns the first time a query reads it, then kept
/// for the following queries (a diagnosis runs dozens of queries over one source).
/// </summary>
internal sealed class TelemetryTableSource : ITableSource, IDisposable
{
    private readonly string path;
    private readonly TelemetryReader reader;
    private readonly Dictionary<string, TelemetryView> views;
    private readonly IReadOnlyList<TelemetryTable> stored;
    private readonly ConcurrentDictionary<string, KqlTable> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableVersion> versions = new(StringComparer.Ordinal);

    // The store's columns read ahead (Prefetch), by (table, storage column), until a view takes them.
    private readonly ConcurrentDictionary<(string Table, string Column), TelemetryColumnData> columns = new();

    private TelemetryTableSource(string path, TelemetryReader reader)
    {
        this.path = path;
        this.reader = reader;
        stored = reader.Schema();
        views = TelemetryViews.Build(stored).ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>The store's <c>telemetry.db</c> file.</summary>
    public string Path => path;

    /// <summary>Opens a store; <paramref name="path"/> is the <c>telemetry.db</c> file.</summary>
    public static TelemetryTableSource Open(string path) => new(path, TelemetryReader.Open(path));

    /// <summary>
    /// Reads <paramref name="wanted"/> (table and column names as queries name them; unknown ones are skipped) now, in
    /// one pass per stored table, several tables at once, instead of one pass per column when queries first read them.
    /// </summary>
    public void Prefetch(IEnumerable<(string Table, string Column)> wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var byTable = new Dictionary<string, HashSet<TelemetryColumn>>(StringComparer.Ordinal);
        foreach (var (tableName, columnName) in wanted.Distinct())
        {
            if (!views.TryGetValue(tableName, out var view) || !TryGetTable(tableName, out _))
            {
                continue;
            }

            var index = IndexOf(view, columnName);
            for (var p = 0; index >= 0 && p < view.Parts.Count; p++)
            {
                var part = view.Parts[p];
                foreach (var source in view.Sources[index][p].Where(s => !columns.ContainsKey((part.Name, s.Storage))))
                {
                    (byTable.TryGetValue(part.Name, out var set) ? set : byTable[part.Name] = []).Add(source);
                }
            }
        }

        var work = byTable
            .Select(entry => (Table: stored.First(t => t.Name == entry.Key), Rows: versions[entry.Key].Rows, Columns: entry.Value.ToList()))
            .Where(item => item.Rows > 0)
            .ToList();

        // The largest passes first, so the two cores finish together.
        work.Sort((a, b) => ((long)b.Rows * b.Columns.Count).CompareTo((long)a.Rows * a.Columns.Count));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(work, parallel, item =>
        {
            var started = DiagnoseTimings.Start();
            var version = versions[item.Table.Name];
            var missing = new List<TelemetryColumn>();
            foreach (var column in item.Columns)
            {
                if (ColumnFile.TryRead(ColumnarCopy.PathOf(path, item.Table, column), version, column) is { } copied)
                {
                    columns[(item.Table.Name, column.Storage)] = copied;
                }
                else
                {
                    missing.Add(column);
                }
            }

            if (missing.Count > 0)
            {
                using var own = TelemetryReader.Open(path);
                foreach (var data in own.ReadColumns(item.Table, missing, item.Rows))
                {
                    columns[(item.Table.Name, data.Column.Storage)] = data;
                }
            }

            var copies = item.Columns.Count - missing.Count;
            DiagnoseTimings.Took($"read {item.Table.Name} ({string.Join(", ", item.Columns.Select(c => c.Name))}; {copies} from the columnar copy)", started);
        });
    }

    /// <summary>
    /// Whether every stored table with rows has a current columnar copy (<see cref="ColumnarCopy"/>; judged by its first
    /// column): then a column costs little to read when a query first needs it, and reading ahead saves nothing.
    /// </summary>
    public bool HasColumnarCopy => stored.All(table =>
        Version(table).Rows == 0 || ColumnFile.IsCurrent(ColumnarCopy.PathOf(path, table, table.Columns[0]), Version(table), table.Columns[0]));

    public IEnumerable<string> TableNames => views.Keys;

    /// <summary>The rows in all stored tables (each counted once, though a classic table and its twin both show them).</summary>
    public long RowCount => stored.Sum(table => (long)Version(table).Rows);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table)
    {
        if (!views.TryGetValue(name, out var view))
        {
            table = null;
            return false;
        }

        table = loaded.GetOrAdd(name, _ => Defer(view));
        return true;
    }

    public void Dispose() => reader.Dispose();

    private static int IndexOf(TelemetryView view, string column)
    {
        for (var i = 0; i < view.Columns.Count; i++)
        {
            if (view.Columns[i].Name == column)
            {
                return i;
            }
        }

        return -1;
    }

    private TableVersion Version(TelemetryTable table) =>
        versions.GetOrAdd(table.Name, _ => reader.Version(table, (stamp, lastRowId) => ColumnarCopy.CopiedVersion(path, table, stamp, lastRowId)));

    private KqlTable Defer(TelemetryView view)
    {
        var rows = view.Parts.Select(part => Version(part).Rows).ToArray();
        var total = rows.Sum();
        var builder = new KqlTableBuilder(view.Name);
        for (var c = 0; c < view.Columns.Count; c++)
        {
            var index = c;
            var column = view.Columns[c];
            builder.AddDeferred(column.Name, TelemetryColumnData.KqlTypeOf(column.Type), total, into =>
                ColumnValues.Assemble(column, [.. view.Parts.Select((part, p) => (Sources(part, view.Sources[index][p], rows[p]), rows[p]))])
                    .AddTo(into));
        }

        return builder.Build();
    }

    // A part's sources for one column; those after the first only when the first leaves rows empty.
    private List<TelemetryColumnData> Sources(TelemetryTable part, IReadOnlyList<TelemetryColumn> sources, int rows)
    {
        var data = new List<TelemetryColumnData>(sources.Count);
        if (rows == 0)
        {
            return data;
        }

        foreach (var source in sources)
        {
            data.Add(Read(part, source, rows));
            if (ColumnValues.IsComplete(data[0], rows))
            {
                break;
            }
        }

        return data;
    }

    private TelemetryColumnData Read(TelemetryTable table, TelemetryColumn column, int rows)
    {
        // Taken, not kept: the engine holds what it loads, and a kept copy would keep alive the JSON texts of dynamic
        // columns it has parsed (tens of MiB at 1 M rows). A column two views read (rare) is read twice.
        if (columns.TryRemove((table.Name, column.Storage), out var data))
        {
            return data;
        }

        var started = DiagnoseTimings.Start();
        data = ColumnFile.TryRead(ColumnarCopy.PathOf(path, table, column), versions[table.Name], column)
            ?? reader.ReadColumn(table, column, rows);
        DiagnoseTimings.Took($"read {table.Name}.{column.Name}", started);
        return data;
    }
}
