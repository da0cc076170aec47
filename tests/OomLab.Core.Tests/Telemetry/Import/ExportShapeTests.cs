using System.IO.Compression;
using System.Text;
using OomLab.Telemetry.Import;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry.Import;

/// <summary>Each export shape users have is told from its content and imported: diagnostic records, JSON lines, CSV, gzip.</summary>
public sealed class ExportShapeTests : IDisposable
{
    private const string FunctionAppLog =
        """{"time": "2026-04-05T01:30:00.1230000Z", "resourceId": "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.WEB/SITES/FUNC", "category": "FunctionAppLogs", "operationName": "Microsoft.Web/sites/functions/log", "level": "Error", "location": "West Europe", "properties": {"appName": "func", "roleInstance": "RD0001", "message": "Exception while executing function: Functions.BlobBufferProcessor", "category": "Function.BlobBufferProcessor", "hostVersion": "4.1040.300.1", "functionInvocationId": "inv-1", "functionName": "Functions.BlobBufferProcessor", "hostInstanceId": "host-1", "level": "Error", "levelId": 4, "processId": 4242, "exceptionType": "System.OutOfMemoryException", "exceptionMessage": "Exception of type 'System.OutOfMemoryException' was thrown.", "eventId": 3, "eventName": "FunctionCompleted"}}""";

    private readonly TempDirectory directory = new();
    private readonly string store;

    public ExportShapeTests() => store = directory.Combine("telemetry.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Diagnostic_json_lines_are_flattened_from_their_properties_into_the_category_table()
    {
        var file = directory.Write("PT1H.json", FunctionAppLog + "\n" + FunctionAppLog.Replace("inv-1", "inv-2", StringComparison.Ordinal) + "\n");

        var imported = TelemetryImporter.Import(file, null, store).Tables.ShouldHaveSingleItem();

        imported.Table.ShouldBe("FunctionAppLogs");
        imported.Rows.ShouldBe(2);
        imported.AddedColumns.ShouldBe(["hostVersion", "eventId", "eventName", "_ResourceId", "operationName", "level", "location"], ignoreOrder: true);
        StoreQuery.Rows(store, "FunctionAppLogs | project TimeGenerated, AppName, RoleInstance, FunctionInvocationId, ExceptionType, ProcessId, LevelId, Category, eventId")
            .Select(r => string.Join('|', r)).ShouldBe([
                "2026-04-05T01:30:00.1230000Z|func|RD0001|inv-1|System.OutOfMemoryException|4242|4|Function.BlobBufferProcessor|3",
                "2026-04-05T01:30:00.1230000Z|func|RD0001|inv-2|System.OutOfMemoryException|4242|4|Function.BlobBufferProcessor|3"]);
    }

    [Fact]
    public void An_event_hub_records_document_may_mix_categories_each_into_its_table()
    {
        var file = directory.Write("eventhub.json", $$"""
            {"records": [
              {{FunctionAppLog}},
              {"time": "2026-04-05T01:30:01Z", "Type": "AppTraces", "Message": "Host heartbeat", "SeverityLevel": 1, "AppRoleInstance": "RD0001"},
              {"time": "2026-04-05T01:30:02Z", "Type": "AppTraces", "Message": "Host heartbeat", "SeverityLevel": 1, "AppRoleInstance": "RD0001"}
            ]}
            {"records": [{"time": "2026-04-05T01:30:03Z", "Type": "AppTraces", "Message": "Host heartbeat", "SeverityLevel": 1}]}
            """);

        var result = TelemetryImporter.Import(file, null, store);

        result.Tables.Select(t => $"{t.Table}:{t.Rows}").ShouldBe(["FunctionAppLogs:1", "AppTraces:3"]);
        StoreQuery.Row(store, "traces | where message == 'Host heartbeat' | count").ShouldBe(["3"]);
    }

    [Fact]
    public void Portal_csv_is_read_with_its_utc_header_suffix_and_its_datetimes()
    {
        var file = directory.Write("query_data.csv", string.Join("\r\n",
            "\"TimeGenerated [UTC]\",Message,SeverityLevel,Properties,AppRoleInstance,\"Custom [UTC]\",Note,Type",
            "\"2/25/2025, 9:19:25.391 AM\",\"Worker process exited with code 137, restarting\",3,\"{\"\"ProcessId\"\":\"\"42\"\"}\",RD0001,\"2/25/2025, 9:19:26.000 PM\",\"two",
            "lines\",AppTraces",
            "\"2/25/2025, 9:20:00.000 AM\",Host heartbeat,1,,RD0001,,,AppTraces",
            ""));

        var imported = TelemetryImporter.Import(file, null, store).Tables.ShouldHaveSingleItem();

        imported.Table.ShouldBe("AppTraces");
        imported.Rows.ShouldBe(2);
        StoreQuery.Columns(store, "AppTraces").ShouldContain("Custom:datetime");
        StoreQuery.Rows(store, "traces | project timestamp, message, severityLevel, tostring(customDimensions.ProcessId), Custom, Note")
            .Select(r => string.Join('|', r)).ShouldBe([
                "2025-02-25T09:19:25.3910000Z|Worker process exited with code 137, restarting|3|42|2025-02-25T21:19:26.0000000Z|two\r\nlines",
                "2025-02-25T09:20:00.0000000Z|Host heartbeat|1||<null>|"]);
    }

    [Theory]
    [InlineData("requests.json.gz", "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"},{\"name\":\"name\",\"type\":\"string\"}],\"rows\":[[\"2026-04-05T01:30:00Z\",\"a\"],[\"2026-04-05T01:31:00Z\",\"b\"]]}]}", "requests")]
    [InlineData("PT1H.json", "{\"time\":\"2026-04-05T01:30:00Z\",\"Type\":\"AppTraces\",\"Message\":\"a\"}\n{\"time\":\"2026-04-05T01:31:00Z\",\"Type\":\"AppTraces\",\"Message\":\"b\"}\n", "AppTraces")]
    [InlineData("export.dat", "TimeGenerated,Message,Type\n2026-04-05T01:30:00Z,a,AppTraces\n2026-04-05T01:31:00Z,b,AppTraces\n", "AppTraces")]
    public void Gzip_of_any_shape_is_told_by_its_magic_bytes_not_its_name(string name, string content, string table)
    {
        var file = directory.Combine(name);
        using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        var imported = TelemetryImporter.Import(file, null, store).Tables.ShouldHaveSingleItem();

        imported.Table.ShouldBe(table);
        imported.Rows.ShouldBe(2);
    }
}
