using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using OomLab.Telemetry.Import;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry.Import;

/// <summary>A file that cannot be imported whole is not imported at all: a located error, and the store as it was.</summary>
public sealed class ImportFailureTests : IDisposable
{
    private const string GoodLines =
        "{\"time\":\"2026-04-05T01:30:00Z\",\"Type\":\"AppTraces\",\"Message\":\"a\",\"Extra\":1}\n{\"time\":\"2026-04-05T01:31:00Z\",\"Type\":\"AppTraces\",\"Message\":\"b\",\"Extra\":2}\n";

    private readonly TempDirectory directory = new();
    private readonly string store;

    public ImportFailureTests() => store = directory.Combine("telemetry.db");

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, byte[], string, string> Bad => new()
    {
        // name, content, location, problem
        { "truncated.json", Utf8(GoodLines + "{\"time\":\"2026-04-05T01:32:00Z\",\"Type\":\"AppTraces\",\"Mess"), "truncated.json:3:", "invalid JSON" },
        { "wrongtype.json", Utf8(GoodLines + "{\"time\":\"yesterday\",\"Type\":\"AppTraces\",\"Message\":\"c\"}\n"), "wrongtype.json:3:1:", ImportMessages.NotOfType("TimeGenerated", "\"yesterday\"", "datetime") },
        { "wrongtype.csv", Utf8("TimeGenerated,Message,SeverityLevel,Type\n2026-04-05T01:30:00Z,a,1,AppTraces\n2026-04-05T01:31:00Z,b,high,AppTraces\n"), "wrongtype.csv:3:1:", ImportMessages.NotOfType("SeverityLevel", "\"high\"", "long") },
        { "short.csv", Utf8("TimeGenerated,Message,Type\n2026-04-05T01:30:00Z,a,AppTraces\n2026-04-05T01:31:00Z,b\n"), "short.csv:3:1:", ImportMessages.RowLength(2, 3) },
        { "quote.csv", Utf8("TimeGenerated,Message,Type\n2026-04-05T01:30:00Z,\"never closed,AppTraces\n"), "quote.csv:2:22:", ImportMessages.EndsInQuotes },
        { "binary.json", [0x7b, 0x22, 0x00, 0x01, 0xff, 0xfe, 0x10], "binary.json:1:1:", ImportMessages.Binary(2) },
        { "latin1.csv", [(byte)'a', (byte)',', 0xe9, (byte)'\n'], "latin1.csv:1:1:", ImportMessages.Binary(2) },
        { "empty.json", [], "empty.json:1:1:", ImportMessages.Empty },
        { "blank.json", Utf8(" \n\t\n"), "blank.json:1:1:", ImportMessages.Empty },
        { "cut.json.gz", Gzip(GoodLines + GoodLines, cutBytes: 6), "cut.json.gz:1:1:", ImportMessages.GzipTruncated },
        { "torn.json.gz", Gzip(GoodLines, cutBytes: 20), "torn.json.gz:", "gzip" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_file_is_named_with_its_location_and_leaves_the_store_unchanged(string name, byte[] content, string location, string problem)
    {
        TelemetryImporter.Import(directory.Write("before.json", GoodLines), null, store);
        var before = Snapshot();
        var file = directory.Combine(name);
        File.WriteAllBytes(file, content);

        var error = Should.Throw<ImportException>(() => TelemetryImporter.Import(file, null, store));

        error.Message.ShouldStartWith(directory.Combine(location));
        error.Message.ShouldContain(problem);
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_failed_first_import_leaves_no_store_behind()
    {
        var file = directory.Write("wrongtype.json", "[{\"TimeGenerated\":\"yesterday\",\"Type\":\"AppTraces\"}]");

        Should.Throw<ImportException>(() => TelemetryImporter.Import(file, null, store));

        File.Exists(store).ShouldBeFalse();
    }

    [Fact]
    public void Large_file_is_imported_whole_in_one_transaction()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("{\"time\":\"2026-04-05T01:30:00Z\",\"Type\":\"AppTraces\",\"Message\":\"m").Append(i).Append("\"}\n");
        }

        text.Append("{\"time\":\"not a time\",\"Type\":\"AppTraces\",\"Message\":\"last\"}\n");
        var file = directory.Write("big.json", text.ToString());

        Should.Throw<ImportException>(() => TelemetryImporter.Import(file, null, store)).Line.ShouldBe(50_001);
        File.Exists(store).ShouldBeFalse();
    }

    // Every table's rows and every column's name and type, as the store has them.
    private List<string> Snapshot()
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var lines = new List<string>();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name, sql FROM sqlite_master ORDER BY name;";
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                lines.Add($"{reader.GetString(0)}: {(reader.IsDBNull(1) ? string.Empty : reader.GetString(1))}");
            }
        }

        foreach (var name in lines.Where(l => l.Contains("CREATE TABLE", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList())
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid;";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(name + ": " + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return lines;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(string text, int cutBytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Utf8(text));
        }

        var bytes = buffer.ToArray();
        return bytes[..^cutBytes];
    }
}
