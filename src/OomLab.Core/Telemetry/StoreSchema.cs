using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>
/// The tables a store holds and their columns, as SQLite has them: the known tables' columns (<see cref="TelemetrySchema"/>)
/// and the columns an import added (schema on read: a column a file has that the table lacks is added, never dropped),
/// recorded with their KQL type in <c>oomlab_columns</c>. A table no schema knows (an <c>AppEvents</c> export) is made of
/// added columns alone. Changes run in the caller's transaction, so a failed import leaves the schema as it was.
/// </summary>
internal static class StoreSchema
{
    private const string ColumnsTable = "oomlab_columns";

    /// <summary>The tables the store has, each with the columns it has, known ones first.</summary>
    public static IReadOnlyList<TelemetryTable> Read(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var existing = TableNames(connection);
        var added = AddedColumns(connection, existing);
        var tables = new List<TelemetryTable>();
        foreach (var known in TelemetrySchema.Known.Where(t => existing.Contains(t.Name)))
        {
            var present = ColumnsOf(connection, known.Name);
            tables.Add(known with { Columns = [.. known.Columns.Where(c => present.Contains(c.Storage)), .. added.GetValueOrDefault(known.Name, [])] });
        }

        foreach (var (table, columns) in added.Where(a => TelemetrySchema.Find(a.Key) is null).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            tables.Add(new TelemetryTable(table, columns));
        }

        return tables;
    }

    /// <summary>
    /// Creates the known table <paramref name="table"/> when the store lacks it, and returns the table as the store has it.
    /// </summary>
    public static TelemetryTable Ensure(SqliteConnection connection, TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        if (TelemetrySchema.Find(table.Name) is { } known && !TableNames(connection).Contains(table.Name))
        {
            Execute(connection, $"CREATE TABLE \"{known.Name}\" ({string.Join(", ", known.Columns.Select(c => $"\"{c.Storage}\" {c.SqlType}"))});");
        }

        return Read(connection).FirstOrDefault(t => t.Name == table.Name) ?? table;
    }

    /// <summary>Adds column <paramref name="name"/> of <paramref name="type"/> to <paramref name="table"/> (creating a table no schema knows), returning the table with it.</summary>
    public static TelemetryTable AddColumn(SqliteConnection connection, TelemetryTable table, string name, TelemetryColumnType type)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {ColumnsTable} (table_name TEXT NOT NULL, name TEXT NOT NULL, storage TEXT NOT NULL, type INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (table_name, name));");
        using var next = connection.CreateCommand();
        next.CommandText = $"SELECT coalesce(max(position), -1) + 1 FROM {ColumnsTable} WHERE table_name = $table;";
        next.Parameters.AddWithValue("$table", table.Name);
        var position = (long)next.ExecuteScalar()!;
        var column = new TelemetryColumn(name, type) { Storage = string.Create(CultureInfo.InvariantCulture, $"x_{position}") };
        Execute(connection, TableNames(connection).Contains(table.Name)
            ? $"ALTER TABLE \"{table.Name}\" ADD COLUMN \"{column.Storage}\" {column.SqlType};"
            : $"CREATE TABLE \"{table.Name}\" (\"{column.Storage}\" {column.SqlType});");
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {ColumnsTable} VALUES ($table, $name, $storage, $type, $position);";
        insert.Parameters.AddWithValue("$table", table.Name);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$storage", column.Storage);
        insert.Parameters.AddWithValue("$type", (int)type);
        insert.Parameters.AddWithValue("$position", position);
        insert.ExecuteNonQuery();
        return table with { Columns = [.. table.Columns, column] };
    }

    /// <summary>
    /// Records that the added column <paramref name="column"/> is now <paramref name="type"/> (a long column that met a
    /// fraction becomes real: SQLite keeps each value as it was given, so the stored values need no rewrite).
    /// </summary>
    public static TelemetryTable ChangeType(SqliteConnection connection, TelemetryTable table, TelemetryColumn column, TelemetryColumnType type)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        using var update = connection.CreateCommand();
        update.CommandText = $"UPDATE {ColumnsTable} SET type = $type WHERE table_name = $table AND name = $name;";
        update.Parameters.AddWithValue("$type", (int)type);
        update.Parameters.AddWithValue("$table", table.Name);
        update.Parameters.AddWithValue("$name", column.Name);
        update.ExecuteNonQuery();
        return table with { Columns = [.. table.Columns.Select(c => c == column ? c with { Type = type } : c)] };
    }

    /// <summary>Whether <paramref name="name"/> may name a table of its own (not SQLite's or oomlab's bookkeeping, not blank).</summary>
    public static bool IsValidTableName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 128 && !name.Contains('"', StringComparison.Ordinal)
        && !name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("oomlab_", StringComparison.OrdinalIgnoreCase)
        && name.All(c => !char.IsControl(c));

    private static HashSet<string> TableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static HashSet<string> ColumnsOf(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}');";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static Dictionary<string, List<TelemetryColumn>> AddedColumns(SqliteConnection connection, HashSet<string> existing)
    {
        var added = new Dictionary<string, List<TelemetryColumn>>(StringComparer.Ordinal);
        if (!existing.Contains(ColumnsTable))
        {
            return added;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT table_name, name, storage, type FROM {ColumnsTable} ORDER BY table_name, position;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!existing.Contains(table))
            {
                continue;
            }

            var column = new TelemetryColumn(reader.GetString(1), (TelemetryColumnType)reader.GetInt32(3)) { Storage = reader.GetString(2) };
            (added.TryGetValue(table, out var list) ? list : added[table] = []).Add(column);
        }

        return added;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
