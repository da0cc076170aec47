using System.Text;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>The SQLite side of the telemetry store: connections, tables, inserts.</summary>
internal static class TelemetryStore
{
    public static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        if (mode != SqliteOpenMode.ReadOnly)
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=NORMAL;");
        }

        return connection;
    }

    public static void CreateSchema(SqliteConnection connection)
    {
        var sql = new StringBuilder();
        foreach (var table in TelemetrySchema.Tables)
        {
            sql.Append("CREATE TABLE IF NOT EXISTS \"").Append(table.Name).Append("\" (");
            sql.AppendJoin(", ", table.Columns.Select(column => $"\"{column.Name}\" {column.SqlType}"));
            sql.AppendLine(");");
        }

        Execute(connection, sql.ToString());
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
