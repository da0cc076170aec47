using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using OomLab.Telemetry;
using OomLab.Telemetry.Import;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry;

/// <summary>
/// The columnar copy that <c>oomlab import</c> writes next to the store: read in place of SQLite while it is the
/// store's, ignored once the store has changed or when it cannot be read.
/// </summary>
public sealed class ColumnarCopyTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string store;

    public ColumnarCopyTests() => store = directory.Combine("run", ".oomlab", "telemetry.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Import_writes_a_copy_that_reads_the_same_cells_as_the_store()
    {
        var result = TelemetryImporter.Import(directory.Write(Path.Combine("exports", "requests.json"), Requests(300, seed: 1)), null, store);

        result.CopyNotes.ShouldBeEmpty();
        File.Exists(ColumnarCopy.PathOf(store, TelemetrySchema.Requests, TelemetrySchema.Requests.Columns[0])).ShouldBeTrue();
        Cells(store, "requests").ShouldBe(CellsWithoutCopy("requests"));
        Cells(store, "requests").ShouldContain(row => row.Contains("<null>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_over_the_row_limit_gets_no_copy_and_the_reason_names_it()
    {
        Import("requests.json", Requests(40, seed: 1));
        var path = ColumnarCopy.PathOf(store, TelemetrySchema.Requests, TelemetrySchema.Requests.Columns[0]);
        File.Delete(path);

        string? reason;
        using (var connection = TelemetryStore.Connect(store, SqliteOpenMode.ReadWrite))
        {
            reason = ColumnarCopy.Write(connection, store, TelemetrySchema.Requests, maxRows: 10);
        }

        reason.ShouldNotBeNull();
        reason.ShouldContain("requests has 40 rows");
        File.Exists(path).ShouldBeFalse();
        Cells(store, "requests").ShouldBe(CellsWithoutCopy("requests"));
    }

    [Fact]
    public void Copy_is_ignored_once_rows_are_appended_to_the_store()
    {
        Import("requests.json", Requests(40, seed: 1));
        var copied = File.ReadAllBytes(ColumnarCopy.PathOf(store, TelemetrySchema.Requests, TelemetrySchema.Requests.Columns[2]));

        using (var connection = TelemetryStore.Connect(store, SqliteOpenMode.ReadWrite))
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO requests (timestamp, name) VALUES (1, 'appended');";
            insert.ExecuteNonQuery();
        }

        File.ReadAllBytes(ColumnarCopy.PathOf(store, TelemetrySchema.Requests, TelemetrySchema.Requests.Columns[2])).ShouldBe(copied);
        var cells = Cells(store, "requests");
        cells.Count.ShouldBe(41);
        cells[^1].ShouldContain("appended");
        cells.ShouldBe(CellsWithoutCopy("requests"));
    }

    [Fact]
    public void Copy_of_an_earlier_store_with_as_many_rows_is_ignored()
    {
        Import("requests.json", Requests(50, seed: 1));
        var earlier = directory.Combine("earlier-copy");
        CopyFolder(ColumnarCopy.DirectoryOf(store), earlier);

        // The store written anew with other rows, and the earlier copy put back beside it.
        File.Delete(store);
        Import("requests.json", Requests(50, seed: 2));
        Directory.Delete(ColumnarCopy.DirectoryOf(store), recursive: true);
        CopyFolder(earlier, ColumnarCopy.DirectoryOf(store));

        Cells(store, "requests").ShouldBe(CellsWithoutCopy("requests"));
        Cells(store, "requests").ShouldContain(row => row.Contains("seed2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DELETE FROM requests WHERE rowid = 3;", 39)]
    [InlineData("UPDATE requests SET name = 'changed' WHERE rowid = 3;", 40)]
    [InlineData("DELETE FROM requests WHERE rowid = 40; INSERT INTO requests (timestamp, name) VALUES (1, 'changed');", 40)]
    public void Copy_is_ignored_once_a_row_of_the_store_changes_even_when_the_count_and_last_rowid_stay(string change, int rows)
    {
        Import("requests.json", Requests(40, seed: 1));
        Version("requests").Stamp.ShouldNotBeNull();

        using (var connection = TelemetryStore.Connect(store, SqliteOpenMode.ReadWrite))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = change;
            command.ExecuteNonQuery();
        }

        Version("requests").Stamp.ShouldBeNull();
        var cells = Cells(store, "requests");
        cells.Count.ShouldBe(rows);
        cells.ShouldBe(CellsWithoutCopy("requests"));
        if (change.StartsWith("UPDATE", StringComparison.Ordinal) || change.Contains("INSERT", StringComparison.Ordinal))
        {
            cells.ShouldContain(row => row.Contains("changed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_guarded_table_takes_its_row_count_from_the_copy_and_an_unguarded_one_is_counted()
    {
        Import("requests.json", Requests(40, seed: 1));
        var counted = Version("requests");
        var fromCopy = new List<(string, long)>();

        using (var reader = TelemetryReader.Open(store))
        {
            reader.Version(TelemetrySchema.Requests, (stamp, last) =>
            {
                fromCopy.Add((stamp, last));
                return ColumnarCopy.CopiedVersion(store, TelemetrySchema.Requests, stamp, last);
            }).ShouldBe(counted);
        }

        fromCopy.ShouldBe([(counted.Stamp!, counted.LastRowId)]);

        using (var connection = TelemetryStore.Connect(store, SqliteOpenMode.ReadWrite))
        {
            ColumnarCopy.IsGuarded(connection, TelemetrySchema.Requests).ShouldBeTrue();
            ColumnarCopy.IsGuarded(connection, TelemetrySchema.Traces).ShouldBeFalse();
            ColumnarCopy.Unguard(connection, TelemetrySchema.Requests);
            ColumnarCopy.IsGuarded(connection, TelemetrySchema.Requests).ShouldBeFalse();
        }

        using (var reader = TelemetryReader.Open(store))
        {
            reader.Version(TelemetrySchema.Requests, (_, _) => throw new InvalidOperationException("an unguarded table is counted")).ShouldBe(counted);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not a column file")]
    [InlineData("empty")]
    public void Copy_that_cannot_be_read_is_ignored(string damage)
    {
        Import("requests.json", Requests(30, seed: 1));
        foreach (var file in Directory.GetFiles(ColumnarCopy.DirectoryOf(store), "*.col", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, damage switch
            {
                "truncated" => bytes[..(bytes.Length - 3)],
                "not a column file" => [.. Enumerable.Repeat((byte)'x', 16), .. bytes[16..]],
                _ => [],
            });
        }

        Cells(store, "requests").ShouldBe(CellsWithoutCopy("requests"));
    }

    [Fact]
    public void Store_without_a_copy_reads_sqlite()
    {
        Import("requests.json", Requests(20, seed: 1));
        var expected = Cells(store, "requests");
        Directory.Delete(ColumnarCopy.DirectoryOf(store), recursive: true);

        Cells(store, "requests").ShouldBe(expected);
    }

    [Fact]
    public void Import_succeeds_and_queries_read_the_store_when_the_copy_cannot_be_written()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        File.WriteAllText(ColumnarCopy.DirectoryOf(store), "a file where the copy's folder would go");

        var result = TelemetryImporter.Import(directory.Write(Path.Combine("exports", "requests.json"), Requests(20, seed: 1)), null, store);

        result.Rows.ShouldBe(20);
        result.CopyNotes.ShouldHaveSingleItem().ShouldContain("requests");
        var cells = Cells(store, "requests");
        cells.Count.ShouldBe(20);
        cells[0].ShouldContain("BlobBufferProcessor");
    }

    [Fact]
    public void Importing_another_table_keeps_the_copies_of_the_tables_already_there()
    {
        Import("requests.json", Requests(20, seed: 1));
        Import("traces.json", Traces(25));

        ColumnFile.TryRead(ColumnarCopy.PathOf(store, TelemetrySchema.Requests, TelemetrySchema.Requests.Columns[2]), Version("requests"), TelemetrySchema.Requests.Columns[2]).ShouldNotBeNull();
        ColumnFile.TryRead(ColumnarCopy.PathOf(store, TelemetrySchema.Traces, TelemetrySchema.Traces.Columns[1]), Version("traces"), TelemetrySchema.Traces.Columns[1]).ShouldNotBeNull();
        Cells(store, "traces").ShouldBe(CellsWithoutCopy("traces"));
    }

    private TableVersion Version(string table)
    {
        using var reader = TelemetryReader.Open(store);
        return reader.Version(TelemetrySchema.Find(table)!);
    }

    private void Import(string name, string content) => TelemetryImporter.Import(directory.Write(Path.Combine("exports", name), content), null, store);

    // The same store and its copy, with the copy moved away for the read.
    private List<string> CellsWithoutCopy(string table)
    {
        var copy = ColumnarCopy.DirectoryOf(store);
        var aside = copy + ".aside";
        Directory.Move(copy, aside);
        try
        {
            return Cells(store, table);
        }
        finally
        {
            Directory.Move(aside, copy);
        }
    }

    private static List<string> Cells(string path, string name)
    {
        using var source = TelemetryTableSource.Open(path);
        source.TryGetTable(name, out var table).ShouldBeTrue();
        return [.. Enumerable.Range(0, table.RowCount).Select(r => string.Join(" | ", table.Columns.Select(c => Text(c.GetValue(r)))))];
    }

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Nulls, empty strings, repeated and unique strings, non-ASCII text, dimensions as JSON text.
    private static string Requests(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("""{"tables":[{"name":"requests","columns":[{"name":"timestamp","type":"datetime"},{"name":"name","type":"string"},{"name":"success","type":"bool"},{"name":"duration","type":"real"},{"name":"operation_Id","type":"string"},{"name":"customDimensions","type":"dynamic"},{"name":"itemCount","type":"long"}],"rows":[""");
        for (var i = 0; i < rows; i++)
        {
            var time = new DateTime(2026, 4, 5, 1, 30, 0, DateTimeKind.Utc).AddSeconds(i * 7.5);
            var name = (i % 4) switch { 0 => "\"BlobBufferProcessor\"", 1 => "\"Zürich ⚡\"", 2 => "\"\"", _ => "null" };
            var success = i % 5 == 0 ? "null" : i % 2 == 0 ? "true" : "false";
            var dimensions = i % 3 == 0 ? "null" : $"{{\"ContentLengthBytes\":\"{random.Next()}\",\"run\":\"seed{seed}\"}}";
            var count = i % 6 == 0 ? "null" : random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
            text.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture,
                $"[\"{time:O}\",{name},{success},{random.Next(1, 5000) / 4.0},\"op-{random.Next(rows)}\",{dimensions},{count}]");
        }

        return text.Append("]}]}").ToString();
    }

    private static string Traces(int rows)
    {
        var text = new StringBuilder("""{"tables":[{"name":"traces","columns":[{"name":"timestamp","type":"datetime"},{"name":"message","type":"string"},{"name":"severityLevel","type":"long"}],"rows":[""");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"[\"2026-04-05T01:30:{i:00}Z\",\"message {i % 3}\",{i % 4}]");
        }

        return text.Append("]}]}").ToString();
    }
}
