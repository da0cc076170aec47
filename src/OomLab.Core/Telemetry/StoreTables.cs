using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using OomLab.Playbook;

namespace OomLab.Telemetry;

/// <summary>
/// One store's part of a <see cref="TelemetryTableSource"/>: its tables as views (<see cref="TelemetryViews"/>), each
/// table's rows counted once, and its columns read from the columnar copy when it is current, else from SQLite.
/// </summary>
internal sealed class StoreTables : IDisposable
{
    private readonly TelemetryReader reader;
    private readonly Dictionary<string, TelemetryView> views;
    private readonly IReadOnlyList<TelemetryTable> stored;
    private readonly ConcurrentDictionary<string, TableVersion> versions = new(StringComparer.Ordinal);

    // The store's columns read ahead (Prefetch), by (table, storage column), until a view takes them.
    private readonly ConcurrentDictionary<(string Table, string Column), TelemetryColumnData> columns = new();

    private StoreTables(string path, TelemetryReader reader, IReadOnlyList<TelemetryTable> stored)
    {
        Path = path;
        this.reader = reader;
        this.stored = stored;
        views = TelemetryViews.Build(stored).ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>The store's <c>telemetry.db</c> file.</summary>
    public string Path { get; }

    /// <summary>The tables queries see, by name.</summary>
    public IReadOnlyDictionary<string, TelemetryView> Views => views;

    /// <summary>The rows in all stored tables (each counted once, though a classic table and its twin both show them).</summary>
    public long RowCount => stored.Sum(table => (long)Version(table).Rows);

    /// <summary>Whether every stored table with rows has a current columnar copy (judged by its first column).</summary>
    public bool HasColumnarCopy => stored.All(table =>
        Version(table).Rows == 0 || ColumnFile.IsCurrent(ColumnarCopy.PathOf(Path, table, table.Columns[0]), Version(table), table.Columns[0]));

    /// <summary>
    /// Opens the store at <paramref name="path"/>; throws <see cref="OomLabException"/> naming it when it is not a telemetry
    /// store (not SQLite, or no telemetry table in it) or one of a schema version this oomlab does not read.
    /// </summary>
    public static StoreTables Open(string path)
    {
        TelemetryReader? reader = null;
        try
        {
            reader = TelemetryReader.Open(path);
            var (version, schema) = reader.Describe();
            if (version > TelemetryStore.SchemaVersion)
            {
                throw new OomLabException(TelemetryStoreMessages.NewerSchema(path, version));
            }

            return schema.Count > 0
                ? new StoreTables(path, reader, schema)
                : throw new OomLabException(TelemetryStoreMessages.NotATelemetryStore(path, "no telemetry table in it"));
        }
        catch (SqliteException e)
        {
            reader?.Dispose();
            throw new OomLabException(TelemetryStoreMessages.NotATelemetryStore(path, e.Message), e);
        }
        catch
        {
            reader?.Dispose();
            throw;
        }
    }

    /// <summary>The rows of each part of view <paramref name="name"/> (none when the store has no such view).</summary>
    public int[] PartRows(string name) =>
        views.TryGetValue(name, out var view) ? [.. view.Parts.Select(part => Version(part).Rows)] : [];

    /// <summary>
    /// The values of view <paramref name="name"/>'s column <paramref name="column"/> for <see cref="ColumnValues.Assemble"/>:
    /// per part its sources (none when the store has no such column: its rows are null there) and its rows.
    /// </summary>
    public IEnumerable<(IReadOnlyList<TelemetryColumnData> Sources, int Rows)> Parts(string name, string column)
    {
        if (!views.TryGetValue(name, out var view))
        {
            yield break;
        }

        var index = IndexOf(view, column);
        for (var p = 0; p < view.Parts.Count; p++)
        {
            var rows = Version(view.Parts[p]).Rows;
            yield return (index < 0 ? [] : Sources(view.Parts[p], view.Sources[index][p], rows), rows);
        }
    }

    /// <summary>What <see cref="Fetch"/> should read of <paramref name="wanted"/>: per stored table, its rows and the columns not read yet.</summary>
    public IEnumerable<StoreFetch> Plan(IEnumerable<(string Table, string Column)> wanted)
    {
        var byTable = new Dictionary<string, HashSet<TelemetryColumn>>(StringComparer.Ordinal);
        foreach (var (tableName, columnName) in wanted)
        {
            if (!views.TryGetValue(tableName, out var view))
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

        return byTable
            .Select(entry => stored.First(t => t.Name == entry.Key))
            .Select(table => new StoreFetch(this, table, Version(table).Rows, [.. byTable[table.Name]]))
            .Where(fetch => fetch.Rows > 0);
    }

    /// <summary>Reads the columns of <paramref name="fetch"/> in one pass over its table, for the views to take later.</summary>
    public void Fetch(StoreFetch fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var started = DiagnoseTimings.Start();
        var version = versions[fetch.Table.Name];
        var missing = new List<TelemetryColumn>();
        foreach (var column in fetch.Columns)
        {
            if (ColumnFile.TryRead(ColumnarCopy.PathOf(Path, fetch.Table, column), version, column) is { } copied)
            {
                columns[(fetch.Table.Name, column.Storage)] = copied;
            }
            else
            {
                missing.Add(column);
            }
        }

        if (missing.Count > 0)
        {
            using var own = TelemetryReader.Open(Path);
            foreach (var data in own.ReadColumns(fetch.Table, missing, fetch.Rows))
            {
                columns[(fetch.Table.Name, data.Column.Storage)] = data;
            }
        }

        var copies = fetch.Columns.Count - missing.Count;
        DiagnoseTimings.Took($"read {fetch.Table.Name} ({string.Join(", ", fetch.Columns.Select(c => c.Name))}; {copies} from the columnar copy)", started);
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
        versions.GetOrAdd(table.Name, _ => reader.Version(table, (stamp, lastRowId) => ColumnarCopy.CopiedVersion(Path, table, stamp, lastRowId)));

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
        data = ColumnFile.TryRead(ColumnarCopy.PathOf(Path, table, column), versions[table.Name], column)
            ?? reader.ReadColumn(table, column, rows);
        DiagnoseTimings.Took($"read {table.Name}.{column.Name}", started);
        return data;
    }
}
