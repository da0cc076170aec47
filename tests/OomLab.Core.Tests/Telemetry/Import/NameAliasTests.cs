using OomLab.Telemetry.Import;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry.Import;

/// <summary>A row imported under a workspace name is queryable under the classic one, and the other way round.</summary>
public sealed class NameAliasTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string store;

    public NameAliasTests() => store = directory.Combine("telemetry.db");

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, string, string, string> Pairs => new()
    {
        // workspace table, a row's other columns (JSON), the classic query, what it gives
        { "AppRequests", "\"DurationMs\": 1500.5, \"Success\": false, \"OperationId\": \"op1\", \"AppRoleName\": \"fn\", \"Properties\": {\"k\": \"v\"}", "requests | project timestamp, duration, success, operation_Id, cloud_RoleName, tostring(customDimensions.k)", "2026-04-05T01:30:00.0000000Z|00:00:01.5005000|false|op1|fn|v" },
        { "AppDependencies", "\"DependencyType\": \"Azure blob\", \"Target\": \"acct\", \"DurationMs\": 20, \"Data\": \"GET x\"", "dependencies | project timestamp, type, target, duration, data", "2026-04-05T01:30:00.0000000Z|Azure blob|acct|00:00:00.0200000|GET x" },
        { "AppTraces", "\"Message\": \"Worker process exited with code 137\", \"SeverityLevel\": 3, \"AppRoleInstance\": \"i0\"", "traces | project timestamp, message, severityLevel, cloud_RoleInstance", "2026-04-05T01:30:00.0000000Z|Worker process exited with code 137|3|i0" },
        { "AppExceptions", "\"ExceptionType\": \"System.OutOfMemoryException\", \"OuterMessage\": \"Insufficient memory\", \"OperationId\": \"op2\"", "exceptions | project timestamp, type, outerMessage, operation_Id", "2026-04-05T01:30:00.0000000Z|System.OutOfMemoryException|Insufficient memory|op2" },
        { "AppPerformanceCounters", "\"Name\": \"Private Bytes\", \"Counter\": \"Private Bytes\", \"Instance\": \"_Total\", \"Value\": 1048576", "performanceCounters | project timestamp, counter, instance, value", "2026-04-05T01:30:00.0000000Z|Private Bytes|_Total|1048576" },
        { "AppMetrics", "\"Name\": \"PrivateBytes\", \"Sum\": 10, \"Min\": 1, \"Max\": 9, \"ItemCount\": 2, \"AppRoleInstance\": \"i1\"", "customMetrics | project timestamp, name, valueSum, valueMin, valueMax, itemCount, cloud_RoleInstance", "2026-04-05T01:30:00.0000000Z|PrivateBytes|10|1|9|2|i1" },
        { "AppAvailabilityResults", "\"Name\": \"ping\", \"Location\": \"West Europe\", \"Success\": true, \"DurationMs\": 250", "availabilityResults | project timestamp, name, location, success, duration", "2026-04-05T01:30:00.0000000Z|ping|West Europe|true|00:00:00.2500000" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Workspace_rows_are_queryable_under_the_classic_names(string workspace, string columns, string query, string expected)
    {
        var file = directory.Write("export.json", $$"""{"records":[{"time": "2026-04-05T01:30:00Z", "Type": "{{workspace}}", {{columns}}}]}""");

        TelemetryImporter.Import(file, null, store).Tables.ShouldHaveSingleItem().Table.ShouldBe(workspace);

        string.Join('|', StoreQuery.Row(store, query)).ShouldBe(expected);
        StoreQuery.Row(store, $"{workspace} | count").ShouldBe(["1"]);
    }

    [Fact]
    public void Classic_rows_are_queryable_under_the_workspace_names_and_both_namings_add_up()
    {
        var classic = directory.Write("requests.json", """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"timestamp","type":"datetime"},{"name":"duration","type":"real"},{"name":"success","type":"bool"},{"name":"operation_Id","type":"string"},{"name":"cloud_RoleName","type":"string"},{"name":"customDimensions","type":"dynamic"}],
            "rows":[["2026-04-05T01:30:00Z", 41.5, true, "op1", "fn", {"ContentLengthBytes": "65536"}]]}]}
            """);
        var workspace = directory.Write("AppRequests.json", """
            [{"TimeGenerated": "2026-04-05T01:31:00Z", "DurationMs": "12.5", "Success": "False", "OperationId": "op2", "AppRoleName": "fn", "Properties": "{\"ContentLengthBytes\":\"1024\"}", "Type": "AppRequests"}]
            """);

        TelemetryImporter.Import(classic, null, store);
        TelemetryImporter.Import(workspace, null, store);

        StoreQuery.Rows(store, "AppRequests | order by TimeGenerated asc | project TimeGenerated, DurationMs, Success, OperationId, AppRoleName, tolong(Properties.ContentLengthBytes)")
            .Select(r => string.Join('|', r)).ShouldBe([
                "2026-04-05T01:30:00.0000000Z|41.5|true|op1|fn|65536",
                "2026-04-05T01:31:00.0000000Z|12.5|false|op2|fn|1024"]);
        StoreQuery.Row(store, "requests | summarize n = count(), d = sum(duration)").ShouldBe(["2", "00:00:00.0540000"]);
    }

    [Fact]
    public void Table_option_puts_a_workspace_file_into_a_classic_table_by_its_twin_column_names()
    {
        var file = directory.Write("export.json", """[{"TimeGenerated": "2026-04-05T01:30:00Z", "Message": "Host heartbeat", "SeverityLevel": 1}]""");

        var imported = TelemetryImporter.Import(file, "traces", store).Tables.ShouldHaveSingleItem();

        imported.Table.ShouldBe("traces");
        imported.AddedColumns.ShouldBeEmpty();
        StoreQuery.Row(store, "traces | project timestamp, message, severityLevel").ShouldBe(["2026-04-05T01:30:00.0000000Z", "Host heartbeat", "1"]);
    }
}
