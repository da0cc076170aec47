using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;
using OomLab.Playbook;

namespace OomLab.Telemetry;

/// <summary>
/// The telemetry store as KQL tables: a table's rows are counted the first time a query names it, and each
/// column is read into the engine's typed columns the first time a query reads it, then kept for the
/// following queries (a diagnosis runs dozens of queries over one source).
/// </summary>
internal sealed class TelemetryTableSource : ITableSource, IDisposable
{
    private readonly string path;
    private readonly TelemetryReader reader;
    private readonly ConcurrentDictionary<string, KqlTable> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableVersion> versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, string Column), TelemetryColumnData> prefetched = new();
    private readonly ConcurrentDictionary<(string Table, string Column), bool> read = new();

    private TelemetryTableSource(string path, TelemetryReader reader)
    {
        this.path = path;
        this.reader = reader;
    }

    /// <summary>The store's <c>telemetry.db</c> file.</summary>
    public string Path => path;

    /// <summary>Opens a store; <paramref name="path"/> is the <c>telemetry.db</c> file.</summary>
    public static TelemetryTableSource Open(string path) => new(path, TelemetryReader.Open(path));

    /// <summary>
    /// Reads <paramref name="columns"/> (table and column names; unknown ones are skipped) now, in one pass per
    /// table, several tables at once, instead of one pass per column when queries first read them.
    /// </summary>
    public void Prefetch(IEnumerable<(string Table, string Column)> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var work = new List<(TelemetryTable Table, int Rows, List<TelemetryColumn> Columns)>();
        foreach (var group in columns.Distinct().GroupBy(c => c.Table, StringComparer.Ordinal))
        {
            if (TelemetrySchema.Find(group.Key) is not { } schema || !TryGetTable(schema.Name, out var table))
            {
                continue;
            }

            var wanted = schema.Columns
                .Where(c => group.Any(g => g.Column == c.Name) && !prefetched.ContainsKey((schema.Name, c.Name)) && !read.ContainsKey((schema.Name, c.Name)))
                .ToList();
            if (wanted.Count > 0 && table.RowCount > 0)
            {
                work.Add((schema, versions[schema.Name].Rows, wanted));
            }
        }

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
                    prefetched[(item.Table.Name, column.Name)] = copied;
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
                    prefetched[(item.Table.Name, data.Name)] = data;
                }
            }

            var copies = item.Columns.Count - missing.Count;
            DiagnoseTimings.Took($"read {item.Table.Name} ({string.Join(", ", item.Columns.Select(c => c.Name))}; {copies} from the columnar copy)", started);
        });
    }

    /// <summary>
    /// Whether every table with rows has a current columnar copy (<see cref="ColumnarCopy"/>; judged by its first
    /// column): then a column costs little to read when a query first needs it, and reading ahead saves nothing.
    /// </summary>
    public bool HasColumnarCopy => TelemetrySchema.Tables.All(schema =>
        !TryGetTable(schema.Name, out var table) || table.RowCount == 0
        || ColumnFile.IsCurrent(ColumnarCopy.PathOf(path, schema, schema.Columns[0]), versions[schema.Name], schema.Columns[0]));

    public IEnumerable<string> TableNames => TelemetrySchema.Tables.Select(t => t.Name);

    /// <summary>The rows in all tables (counted when each table is first named).</summary>
    public long RowCount => TelemetrySchema.Tables.Sum(t => TryGetTable(t.Name, out var table) ? (long)table.RowCount : 0);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table)
    {
        var schema = TelemetrySchema.Find(name);
        if (schema is null)
        {
            table = null;
            return false;
        }

        table = loaded.GetOrAdd(name, _ => Defer(schema));
        return true;
    }

    public void Dispose() => reader.Dispose();

    private KqlTable Defer(TelemetryTable schema)
    {
        var version = reader.Version(schema, (stamp, lastRowId) => ColumnarCopy.CopiedVersion(path, schema, stamp, lastRowId));
        versions[schema.Name] = version;
        var rows = version.Rows;
        var builder = new KqlTableBuilder(schema.Name);
        foreach (var column in schema.Columns)
        {
            builder.AddDeferred(column.Name, TelemetryColumnData.KqlTypeOf(column.Type), rows, into => Read(schema, column, rows).AddTo(into));
        }

        return builder.Build();
    }

    private TelemetryColumnData Read(TelemetryTable schema, TelemetryColumn column, int rows)
    {
        read[(schema.Name, column.Name)] = true;
        if (prefetched.TryRemove((schema.Name, column.Name), out var data))
        {
            return data;
        }

        var started = DiagnoseTimings.Start();
        data = ColumnFile.TryRead(ColumnarCopy.PathOf(path, schema, column), versions[schema.Name], column)
            ?? reader.ReadColumn(schema, column, rows);
        DiagnoseTimings.Took($"read {schema.Name}.{column.Name}", started);
        return data;
    }
}
