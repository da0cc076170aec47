using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>
/// Reads a telemetry store as typed column arrays, fast, for the KQL engine. Opens the file read-only;
/// a writer may still be appending (WAL lets both proceed).
/// </summary>
internal sealed class TelemetryReader : IDisposable
{
    private readonly SqliteConnection connection;

    private TelemetryReader(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the store at <paramref name="path"/>; throws <see cref="OomLabException"/> when there is none.</summary>
    public static TelemetryReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new OomLabException($"no telemetry store at {path}");
        }

        return new TelemetryReader(TelemetryStore.Connect(path, SqliteOpenMode.ReadOnly));
    }

    public void Dispose() => connection.Dispose();

    /// <summary>Reads every row of <paramref name="table"/> (rows in insertion order).</summary>
    public TelemetryTableData ReadTable(TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
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
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} FROM \"{table.Name}\" ORDER BY rowid LIMIT {rows};";
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

    /// <summary>Reads a table by its exact name; throws <see cref="OomLabException"/> for a name not in <see cref="TelemetrySchema"/>.</summary>
    public TelemetryTableData ReadTable(string tableName) =>
        ReadTable(TelemetrySchema.Find(tableName) ?? throw new OomLabException($"no telemetry table named '{tableName}'"));

    private static Array Allocate(TelemetryColumnType type, int rows) => type switch
    {
        TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => new long[rows],
        TelemetryColumnType.Real => new double[rows],
        TelemetryColumnType.Bool => new bool[rows],
        _ => new string?[rows],
    };
}
