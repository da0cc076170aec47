using System.Text;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>The SQLite side of the telemetry store: connections, tables, inserts.</summary>
internal static class TelemetryStore
{
    /// <summary>
    /// The version of the store's layout, kept in SQLite's <c>user_version</c>: a store this build writes has it; a store
    /// written before stores had one has 0 and the same layout. A store of a higher version is one a later oomlab wrote,
    /// which this one does not read.
    /// </summary>
    public const int SchemaVersion = 1;

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

        // Stamped once: a store a later oomlab made keeps its own version.
        if (ReadSchemaVersion(connection) == 0)
        {
            Execute(connection, $"PRAGMA user_version={SchemaVersion};");
        }
    }

    /// <summary>The store's <see cref="SchemaVersion"/> as it records it (0: a store from before versions).</summary>
    public static long ReadSchemaVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
