using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>
/// A copy of a store's tables as one file per column (<c>telemetry.columns/&lt;table&gt;/&lt;column&gt;.col</c> next to
/// <c>telemetry.db</c>), written by <c>oomlab import</c>, so that reading a column for queries is reading an array
/// rather than stepping SQLite through every row. SQLite stays the store of record: a column file counts only while
/// the table's <see cref="TableVersion"/> is the one it was written from. The store's stamp, a random id kept in the
/// store itself, tells a store written anew (same row counts, other rows) from the one the copy was made of; rows
/// appended since change the count. A store without a copy (a lab run, a host root, an older store) reads SQLite.
/// A table with a copy is guarded: triggers remove the stamp when any of its rows is inserted, updated or deleted, so
/// while the stamp and the last rowid are the copy's, the copy's row count is the table's and nobody need count it.
/// </summary>
internal static class ColumnarCopy
{
    private const string StampTable = "oomlab_stamp";
    private const string Extension = ".col";

    /// <summary>The file of <paramref name="column"/> of <paramref name="table"/> in the copy of the store at <paramref name="storePath"/>.</summary>
    public static string PathOf(string storePath, TelemetryTable table, TelemetryColumn column) =>
        Path.Combine(DirectoryOf(storePath), table.Name, column.Storage + Extension);

    /// <summary>The folder of the copy of the store at <paramref name="storePath"/>.</summary>
    public static string DirectoryOf(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath)) ?? ".", Path.GetFileNameWithoutExtension(storePath) + ".columns");

    /// <summary>The store's stamp, or null when it has none (it was never imported into).</summary>
    public static string? ReadStamp(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{StampTable}';";
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return null;
        }

        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT stamp FROM {StampTable} LIMIT 1;";
        return select.ExecuteScalar() as string;
    }

    /// <summary>Whether the store guards <paramref name="table"/> (see the type's summary).</summary>
    public static bool IsGuarded(SqliteConnection connection, TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $table AND name LIKE 'oomlab_guard_%';";
        command.Parameters.AddWithValue("$table", table.Name);
        return (long)command.ExecuteScalar()! == GuardedOperations.Length;
    }

    /// <summary>
    /// Drops the guard of <paramref name="table"/>, before rows are added to it on purpose (an import, which writes the
    /// copy anew afterwards; until then the copy's last rowid no longer matches and the rows are counted).
    /// </summary>
    public static void Unguard(SqliteConnection connection, TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(GuardedOperations.Select(operation => $"DROP TRIGGER IF EXISTS \"{GuardName(table, operation)}\";"));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The version of <paramref name="table"/> as its copy records it, when the copy was written from the store whose
    /// stamp is <paramref name="stamp"/> and the table's last rowid is still <paramref name="lastRowId"/>; else null.
    /// </summary>
    public static TableVersion? CopiedVersion(string storePath, TelemetryTable table, string stamp, long lastRowId)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ColumnFile.VersionOf(PathOf(storePath, table, table.Columns[0])) is { } version && version.Stamp == stamp && version.LastRowId == lastRowId
            ? version
            : null;
    }

    /// <summary>The most rows a table's copy is made for (default of <see cref="Write"/>): its largest column is held in memory while it is written.</summary>
    public const int MaxRows = 4_000_000;

    /// <summary>
    /// Writes the copy of <paramref name="table"/> from the store at <paramref name="storePath"/>, whose writable
    /// connection is <paramref name="connection"/> (its rows committed); gives the stamp a store that has none.
    /// Returns null, or why no copy was written (a table of more than <paramref name="maxRows"/> rows).
    /// </summary>
    public static string? Write(SqliteConnection connection, string storePath, TelemetryTable table, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        EnsureStamp(connection);
        TableVersion version;
        using (var reader = TelemetryReader.Open(storePath))
        {
            version = reader.Version(table);
        }

        if (version.Rows > maxRows)
        {
            return $"{table.Name} has {version.Rows:N0} rows, more than the {maxRows:N0} a copy is made for";
        }

        Directory.CreateDirectory(Path.Combine(DirectoryOf(storePath), table.Name));

        // One column at a time on each core: memory holds two columns, never the whole table, so an import of any
        // size stays within a bound (a pass per column costs more time than one pass for all of them).
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(table.Columns, options, column =>
        {
            var started = Playbook.DiagnoseTimings.Start();
            using var reader = TelemetryReader.Open(storePath);
            var data = reader.ReadColumn(table, column, version.Rows);

            // Written aside and moved into place: a reader sees the old file or the new one, never half of one.
            var path = PathOf(storePath, table, column);
            var partial = path + ".partial";
            ColumnFile.Write(partial, version, data);
            File.Move(partial, path, overwrite: true);
            Playbook.DiagnoseTimings.Took($"wrote the columnar copy of {table.Name}.{column.Name}", started);
        });
        Guard(connection, table);
        return null;
    }

    private static readonly string[] GuardedOperations = ["INSERT", "UPDATE", "DELETE"];

    private static string GuardName(TelemetryTable table, string operation) => $"oomlab_guard_{table.Name}_{operation.ToLowerInvariant()}";

    private static void Guard(SqliteConnection connection, TelemetryTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(GuardedOperations.Select(operation =>
            $"CREATE TRIGGER IF NOT EXISTS \"{GuardName(table, operation)}\" AFTER {operation} ON \"{table.Name}\" BEGIN DELETE FROM {StampTable}; END;"));
        command.ExecuteNonQuery();
    }

    private static void EnsureStamp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE TABLE IF NOT EXISTS {StampTable} (stamp TEXT NOT NULL);" +
            $"INSERT INTO {StampTable} (stamp) SELECT $stamp WHERE NOT EXISTS (SELECT 1 FROM {StampTable});";
        command.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString("N"));
        command.ExecuteNonQuery();
    }
}
