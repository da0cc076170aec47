using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OomLab.Telemetry;

/// <summary>
/// Reads a telemetry store as typed column arrays, fast, for the KQL engine. Opens the file read-only;
/// a writer may still be appending (WAL lets both proceed).
/// </summary>
internal sealed class TelemetryReader : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private TelemetryReader(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the store at <paramref name="path"/>; throws <see cref="OomLabException"/> when there is none.</summary>
    public static TelemetryReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new OomLabException($"no telemetry store at {path}");
        }

        var connection = TelemetryStore.Connect(path, SqliteOpenMode.ReadOnly);
        using (var pragmas = connection.CreateCommand())
        {
            // Column reads scan whole tables, once per column: map the file and keep its pages.
            pragmas.CommandText = "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;";
            pragmas.ExecuteNonQuery();
        }

        return new TelemetryReader(connection);
    }

    public void Dispose()
    {
        lock (gate)
        {
            connection.Dispose();
        }
    }

    /// <summary>
    /// What <paramref name="table"/> holds now (the store's stamp, its row count and last rowid); later reads of its columns
    /// stop at that count. For a table the store guards (<see cref="ColumnarCopy"/>), <paramref name="copied"/> may give it
    /// from the table's columnar copy (given the stamp and the last rowid) instead of counting the rows.
    /// </summary>
    public TableVersion Version(TelemetryTable table, Func<string, long, TableVersion?>? copied = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        lock (gate)
        {
            var stamp = ColumnarCopy.ReadStamp(connection);
            if (stamp is not null && copied is not null && ColumnarCopy.IsGuarded(connection, table))
            {
                using var last = connection.CreateCommand();
                last.CommandText = $"SELECT coalesce(max(rowid), 0) FROM \"{table.Name}\";";
                if (copied(stamp, (long)last.ExecuteScalar()!) is { } version)
                {
                    return version;
                }
            }

            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*), coalesce(max(rowid), 0) FROM \"{table.Name}\";";
            using var result = count.ExecuteReader();
            result.Read();
            return new TableVersion(stamp, checked((int)result.GetInt64(0)), result.GetInt64(1));
        }
    }

    /// <summary>
    /// Reads one column's first <paramref name="rows"/> rows (in insertion order; rows are only ever
    /// appended, so columns read at different times line up). Safe to call from several threads.
    /// </summary>
    public TelemetryColumnData ReadColumn(TelemetryTable table, TelemetryColumn column, int rows) => ReadColumns(table, [column], rows)[0];

    /// <summary>
    /// Reads several columns' first <paramref name="rows"/> rows in one pass over the table (a pass costs about
    /// the same for one column as for several). Safe to call from several threads.
    /// </summary>
    public IReadOnlyList<TelemetryColumnData> ReadColumns(TelemetryTable table, IReadOnlyList<TelemetryColumn> columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var readers = columns.Select(column => ColumnReader.Create(column, rows)).ToArray();
        lock (gate)
        {
            // The raw statement API: the data reader's per-value checks cost several times what SQLite does per row.
            var sql = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Storage}\""))} FROM \"{table.Name}\" ORDER BY rowid LIMIT {rows};";
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), sql);
            using (statement)
            {
                var row = 0;
                int step;
                var pointer = statement.DangerousGetHandle();
                while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    for (var c = 0; c < readers.Length; c++)
                    {
                        readers[c].Read(pointer, c, row);
                    }

                    row++;
                }

                Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step, sql);
                if (row != rows)
                {
                    throw new OomLabException($"telemetry table {table.Name} has {row} rows, fewer than the {rows} counted: was the store changed while it was read?");
                }
            }
        }

        return readers.Select(r => r.Data).ToArray();
    }

    /// <summary>Reads every row of <paramref name="table"/> (rows in insertion order).</summary>
    public TelemetryTableData ReadTable(TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var scope = gate.EnterScope();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT count(*) FROM \"{table.Name}\";";
        var rows = checked((int)(long)count.ExecuteScalar()!);

        var columns = table.Columns;
        var values = columns.Select(column => Allocate(column.Type, rows)).ToArray();
        var nulls = new bool[columns.Count][];

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Storage}\""))} FROM \"{table.Name}\" ORDER BY rowid LIMIT {rows};";
        using var reader = select.ExecuteReader();
        var row = 0;
        while (reader.Read())
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (reader.IsDBNull(c))
                {
                    if (values[c] is not string?[])
                    {
                        (nulls[c] ??= new bool[rows])[row] = true;
                    }

                    continue;
                }

                switch (values[c])
                {
                    case long[] longs:
                        longs[row] = reader.GetInt64(c);
                        break;
                    case double[] doubles:
                        doubles[row] = reader.GetDouble(c);
                        break;
                    case bool[] bools:
                        bools[row] = reader.GetInt64(c) != 0;
                        break;
                    case string?[] strings:
                        strings[row] = reader.GetString(c);
                        break;
                }
            }

            row++;
        }

        var data = new TelemetryColumnData[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            data[c] = new TelemetryColumnData(columns[c], values[c], nulls[c]);
        }

        return new TelemetryTableData(table, row, data);
    }

    /// <summary>Reads a table by its exact name, with every column the store has; throws <see cref="OomLabException"/> for a table the store lacks.</summary>
    public TelemetryTableData ReadTable(string tableName) =>
        ReadTable(Schema().FirstOrDefault(t => t.Name == tableName) ?? throw new OomLabException($"no telemetry table named '{tableName}'"));

    /// <summary>The store's schema version (<see cref="TelemetryStore.SchemaVersion"/>; 0 for a store from before versions) and its tables.</summary>
    public (long Version, IReadOnlyList<TelemetryTable> Tables) Describe()
    {
        lock (gate)
        {
            return (TelemetryStore.ReadSchemaVersion(connection), StoreSchema.Read(connection));
        }
    }

    /// <summary>The tables the store has, with their columns (<see cref="StoreSchema"/>).</summary>
    public IReadOnlyList<TelemetryTable> Schema()
    {
        lock (gate)
        {
            return StoreSchema.Read(connection);
        }
    }

    private void Check(int code, string sql)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new OomLabException($"reading the telemetry store failed ({raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}): {sql}");
        }
    }

    private static Array Allocate(TelemetryColumnType type, int rows) => type switch
    {
        TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => new long[rows],
        TelemetryColumnType.Real => new double[rows],
        TelemetryColumnType.Bool => new bool[rows],
        _ => new string?[rows],
    };
}
