using Microsoft.Data.Sqlite;

namespace OomLab.Cli.Tests.Support;

/// <summary>Reads a run's telemetry store (or queue) with plain SQL, read-only.</summary>
internal sealed class TelemetryDb(string path) : IDisposable
{
    private readonly SqliteConnection connection = Open(path);

    public long Count(string sql) => Convert.ToInt64(Command(sql).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public List<string> Strings(string sql)
    {
        using var reader = Command(sql).ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? string.Empty : reader.GetValue(0).ToString()!);
        }

        return values;
    }

    /// <summary>Every row of a query, each as its column values (DBNull as null).</summary>
    public List<object?[]> Rows(string sql)
    {
        using var reader = Command(sql).ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Dispose() => connection.Dispose();

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
