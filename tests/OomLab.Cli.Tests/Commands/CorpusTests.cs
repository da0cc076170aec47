using System.Text.Json;
using OomLab.Cli.Tests.Support;
using OomLab.Report.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// Real, public exports (Corpus/README.md names each one's source and licence) imported by the real <c>oomlab</c>:
/// the rows and a few values are right under both namings, and <c>oomlab diagnose</c> answers each the same way.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string[], string, string> Files => new()
    {
        // file, "rows into" lines import prints, a query over the store, its CSV (header, then rows)
        {
            "newrelic-azure-log-ingestion/AppRequests.records.json", ["1 rows into AppRequests"],
            "requests | project timestamp, duration, success, operation_Id, cloud_RoleName, tostring(customDimensions.ProcessId), ResourceGUID",
            "2021-04-29T22:41:14.1238381Z,00:00:00.0091593,true,12345,functionAppName goes here,8912,resourceGuid"
        },
        {
            "newrelic-azure-log-ingestion/AppDependencies.records.json", ["1 rows into AppDependencies"],
            "dependencies | project timestamp, type, duration, operation_Id, operation_ParentId, client_OS",
            "2021-05-04T22:01:10.94Z,http,00:00:00.231,67890,12345,Windows_NT 10.0.14393"
        },
        {
            "newrelic-azure-log-ingestion/AppEvents.records.json", ["1 rows into AppEvents (columns added to AppEvents: TimeGenerated"],
            "AppEvents | project TimeGenerated, Name, tostring(Properties.myCustomProperty1), ItemCount",
            "2021-05-04T19:12:36.185Z,my custom event,This is my custom property,1"
        },
        {
            "newrelic-azure-log-ingestion/AppExceptions.records.json", ["1 rows into AppExceptions (columns added to AppExceptions: id)"],
            "exceptions | project type, outerMessage, severityLevel, tostring(parse_json(details)[0].parsedStack[1].line), id",
            "Error,Error: Throwing an uncaught error on purpose.,3,18579,uuidWillBeGeneratedForErrorSpans"
        },
        {
            "newrelic-azure-log-ingestion/AppTraces.records.json", ["2 rows into AppTraces"],
            "traces | summarize n = count(), levels = sum(severityLevel), pids = dcount(tostring(customDimensions.ProcessId)) by cloud_RoleName",
            "throwerror,2,2,1"
        },
        {
            "newrelic-azure-log-ingestion/AppPerformanceCounters.records.json", ["5 rows into AppPerformanceCounters"],
            "performanceCounters | where counter == 'Private Bytes' | project timestamp, category, instance, value",
            "2021-05-24T20:18:28.4651282Z,Process,??APP_WIN32_PROC??,334188544"
        },
        {
            "newrelic-azure-log-ingestion/eventhub-messages.jsonl",
            ["17 rows into AppPerformanceCounters", "1 rows into AppMetrics", "2 rows into AppDependencies", "1 rows into AppRequests"],
            "union (AppPerformanceCounters | where Counter == 'Private Bytes' | summarize v = tostring(max(Value))), (customMetrics | project v = name), (requests | project v = tostring(duration)), (dependencies | where type == 'ZSQL' | project v = data) | order by v asc",
            "00:00:30.0215457\n233570304\nHeartbeatState\nSELECT * FROM Customers"
        },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Public_export_imports_with_its_rows_and_values_and_diagnoses_as_not_memory(string file, string[] imported, string query, string expected)
    {
        using var directory = new TempDirectory();
        var store = directory.Combine("store");

        var import = await OomLabCli.RunAsync("import", Corpus(file), "--out", store);

        import.ExitCode.ShouldBe(0, import.ToString());
        foreach (var line in imported)
        {
            import.Stdout.ShouldContain(line);
        }

        var rows = await OomLabCli.RunAsync("query", query, "--telemetry", store, "--format", "csv");
        rows.ExitCode.ShouldBe(0, rows.ToString());
        rows.Stdout.ReplaceLineEndings("\n").Trim().Split('\n').Skip(1).ShouldBe(expected.Split('\n'), rows.Stdout);

        await DiagnosesAsNotMemory(store);
    }

    [Fact]
    public async Task Rest_recording_keeps_each_declared_type_in_a_table_of_its_own_name()
    {
        using var directory = new TempDirectory();
        var store = directory.Combine("store");
        var file = Corpus("azure-sdk-for-python/query-response-types.json");

        var refused = await OomLabCli.RunAsync("import", file, "--out", store);
        var import = await OomLabCli.RunAsync("import", file, "--out", store, "--table", "PrintTypes");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.ErrorText.ShouldContain("--table");
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Stdout.ShouldContain("1 rows into PrintTypes");
        var rows = await OomLabCli.RunAsync("query", "PrintTypes | extend t = datecolumn + 1d, i = intcolumn + longcolumn, r = realcolumn * 2, b = not(boolcolumn) | project stringcolumn, t, i, r, b", "--telemetry", store, "--format", "csv");
        rows.Stdout.ShouldContain("hello,2000-01-03T03:04:05Z,201,204.2,false");
        await DiagnosesAsNotMemory(store);
    }

    private static string Corpus(string file) => Repository.Combine("tests", "OomLab.Cli.Tests", "Corpus", file);

    private static async Task DiagnosesAsNotMemory(string store)
    {
        var diagnosis = await OomLabCli.RunAsync("diagnose", store, "--plan", "EP1", "--format", "json");

        diagnosis.ExitCode.ShouldBe(3, diagnosis.ToString());
        using var json = JsonDocument.Parse(diagnosis.Stdout);
        json.RootElement.GetProperty("memoryIsCause").GetBoolean().ShouldBeFalse();
        string.Join(' ', json.RootElement.GetProperty("path").EnumerateArray().Select(step => step.GetProperty("node").GetString()))
            .ShouldBe("A B D F");
    }
}
