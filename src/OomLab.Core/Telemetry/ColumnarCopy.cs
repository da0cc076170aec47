using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>
/// A copy of a store's tables as one file per column (<c>telemetry.columns/&lt;table&gt;/&lt;column&gt;.col</c> next to
/// <c>telemetry.db</c>), written by <c>oomlab import</c>, so that reading a column for queries is reading an array
/// rather than stepping SQLite through every row. SQLite stays the store of record: a column file counts only while
/// the table's <see cref="TableVersion"/> is the one it was written from. The store's stamp, a random id kept in the
/// store itself, tells a store written anew (same row counts, other rows) from the one the copy was made of; rows
/// appended since change the count. A store without a copy (a lab run, a host root, an older store) reads SQLite.
/// </summary>
internal static class ColumnarCopy
{
    private const string StampTable = "oomlab_stamp";
    private const string Extension = ".col";

    /// <summary>The file of <paramref name="column"/> of <paramref name="table"/> in the copy of the store at <paramref name="storePath"/>.</summary>
    public static string PathOf(string storePath, TelemetryTable table, TelemetryColumn column) =>
        Path.Combine(DirectoryOf(storePath), table.Name, column.Name + Extension);

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

    /// <summary>
    /// Writes the copy of <paramref name="table"/> from the store at <paramref name="storePath"/>, whose writable
    /// connection is <paramref name="connection"/> (its rows committed); gives the stamp a store that has none.
    /// </summary>
    public static void Write(SqliteConnection connection, string storePath, TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        EnsureStamp(connection);
        TableVersion version;
        using (var reader = TelemetryReader.Open(storePath))
        {
            version = reader.Version(table);
        }

        Directory.CreateDirectory(Path.Combine(DirectoryOf(storePath), table.Name));

        // Import runs on one core: the copy takes the columns in two halves, one per core, each in its own pass.
        var halves = table.Columns.Chunk((table.Columns.Count + 1) / 2).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(halves, options, half =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var reader = TelemetryReader.Open(storePath);
            foreach (var data in reader.ReadColumns(table, half, version.Rows))
            {
                // Written aside and moved into place: a reader sees the old file or the new one, never half of one.
                var path = PathOf(storePath, table, data.Column);
                var partial = path + ".partial";
                ColumnFile.Write(partial, version, data);
                File.Move(partial, path, overwrite: true);
            }

            Playbook.DiagnoseTimings.Took($"wrote the columnar copy of {table.Name} ({string.Join(", ", half.Select(c => c.Name))})", started);
        });
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
