using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Puts exported rows into one table of the store, inside the import's transaction. A file's column is matched to the
/// table's by name (exactly, then by its twin's name: <c>DurationMs</c> is <c>duration</c> in <c>requests</c>, then in any
/// case for a diagnostic record's camelCase properties); a column the table lacks is added with the type the file gives it (declared, else its first value's), so no
/// value is dropped. An added column of whole numbers that meets a fraction becomes real, and one of numbers that meets
/// text becomes string; any other value not of its column's type is an error.
/// </summary>
internal sealed class TableSink : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly string file;
    private readonly TelemetryPair? pair;
    private readonly Dictionary<string, int> resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> resolvedAnyCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TelemetryColumnType> declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> builtIn;
    private readonly List<string> added = [];
    private TelemetryTable table;
    private TelemetryInsert? insert;
    private object?[] values;
    private int[] assigned;
    private int row;

    public TableSink(SqliteConnection connection, string file, TelemetryTable table)
    {
        this.connection = connection;
        this.file = file;
        this.table = table;
        pair = TelemetryAliases.PairOf(table.Name);
        builtIn = [.. (TelemetrySchema.Find(table.Name)?.Columns ?? []).Select(c => c.Name)];
        values = new object?[table.Columns.Count];
        assigned = new int[table.Columns.Count];
        ColumnarCopy.Unguard(connection, table);
    }

    public TelemetryTable Table => table;

    public long Rows { get; private set; }

    public IReadOnlyList<string> Added => added;

    /// <summary>Gives the type the file declares for a column (the REST shape's column types, a CSV header's "[UTC]").</summary>
    public void Declare(string name, TelemetryColumnType? type)
    {
        if (type is { } known)
        {
            declared.TryAdd(name, known);
        }
    }

    /// <summary>
    /// Inserts one row. A cell marked <c>AnyCase</c> (a diagnostic record's <c>properties</c>, written in camelCase) also
    /// matches a column in another case; a repeated name's later value wins.
    /// </summary>
    public void Add(IReadOnlyList<(string Name, Cell Value, bool AnyCase)> cells, (long Line, long Column) at)
    {
        row++;
        Array.Clear(values);
        foreach (var (name, cell, anyCase) in cells)
        {
            var index = Resolve(name, anyCase);
            if (index >= 0 && assigned[index] == row && table.Columns[index].Name != name)
            {
                // Two of the row's names meet in one column only by case: the other keeps a column of its own name.
                index = table.IndexOf(name);
            }

            if (index < 0)
            {
                if (cell.IsNull)
                {
                    continue;
                }

                index = AddColumn(name, declared.TryGetValue(name, out var type) ? type : TypeOf(name, cell));
            }

            assigned[index] = row;
            values[index] = Convert(index, cell, at);
        }

        insert ??= new TelemetryInsert(connection, table);
        insert.Execute(values);
        Rows++;
    }

    /// <summary>Adds the declared columns no row gave a value (so a column of nulls is kept too).</summary>
    public void Finish()
    {
        foreach (var (name, type) in declared)
        {
            if (Resolve(name, anyCase: false) < 0)
            {
                AddColumn(name, type);
            }
        }
    }

    public void Dispose() => insert?.Dispose();

    // Log Analytics' and Application Insights' time columns are datetimes in every table, known or not.
    private static TelemetryColumnType TypeOf(string name, Cell cell) =>
        name is "TimeGenerated" or "timestamp" ? TelemetryColumnType.DateTime
        : cell.Text is not null ? TelemetryColumnType.String
        : CellConverter.TypeOf(cell.Json) ?? TelemetryColumnType.String;

    private object? Convert(int index, Cell cell, (long Line, long Column) at)
    {
        var column = table.Columns[index];
        if (cell.TryConvert(column.Type, out var value))
        {
            return value;
        }

        if (!builtIn.Contains(column.Name) && Widened(column, cell) is { } wider)
        {
            table = StoreSchema.ChangeType(connection, table, column, wider);
            return cell.TryConvert(wider, out value) ? value : throw Error(column, cell, at);
        }

        throw Error(column, cell, at);
    }

    private ImportException Error(TelemetryColumn column, Cell cell, (long Line, long Column) at) =>
        new(file, at.Line, at.Column, ImportMessages.NotOfType(column.Name, cell.Raw, column.KqlType));

    // An added column's type may widen: whole numbers to real at a fraction, numbers to string at text.
    private static TelemetryColumnType? Widened(TelemetryColumn column, Cell cell) => column.Type switch
    {
        TelemetryColumnType.Long when cell.TryConvert(TelemetryColumnType.Real, out _) => TelemetryColumnType.Real,
        TelemetryColumnType.Long or TelemetryColumnType.Real => TelemetryColumnType.String,
        _ => null,
    };

    private int Resolve(string name, bool anyCase)
    {
        var cache = anyCase ? resolvedAnyCase : resolved;
        if (cache.TryGetValue(name, out var index))
        {
            return index;
        }

        index = table.IndexOf(name);
        if (index < 0 && pair is not null && pair.Rename(name, table.Name) is var twin && twin != name)
        {
            index = table.IndexOf(twin);
        }

        for (var i = 0; anyCase && index < 0 && i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
            }
        }

        if (index >= 0)
        {
            cache[name] = index;
        }

        return index;
    }

    private int AddColumn(string name, TelemetryColumnType type)
    {
        // Appended last: the values bound so far keep their places, the insert is prepared anew for the wider row.
        table = StoreSchema.AddColumn(connection, table, name, type);
        insert?.Dispose();
        insert = null;
        Array.Resize(ref values, table.Columns.Count);
        Array.Resize(ref assigned, table.Columns.Count);
        added.Add(name);
        var index = table.Columns.Count - 1;
        resolved.TryAdd(name, index);
        resolvedAnyCase.TryAdd(name, index);
        return index;
    }
}
