using OomLab.Telemetry.Import;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry.Import;

/// <summary>Every column a file has is kept: a column its table lacks is added, typed as the file gives it, and queryable.</summary>
public sealed class SchemaOnReadTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string store;

    public SchemaOnReadTests() => store = directory.Combine("store", "telemetry.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Rest_columns_the_table_lacks_are_added_with_their_declared_types()
    {
        var file = directory.Write("requests.json", """
            {"tables":[{"name":"PrimaryResult","columns":[
              {"name":"timestamp","type":"datetime"},{"name":"duration","type":"real"},{"name":"client_City","type":"string"},
              {"name":"retries","type":"long"},{"name":"ratio","type":"real"},{"name":"sampled","type":"bool"},
              {"name":"bag","type":"dynamic"},{"name":"seenAt","type":"datetime"},{"name":"neverSet","type":"int"}],
            "rows":[
              ["2026-04-05T01:30:00Z", 41.5, "Paris", 3, 0.25, true, {"a":1}, "2026-04-05T01:29:00Z", null],
              ["2026-04-05T01:31:00Z", 12, "Lyon", 4, 0.5, false, {"a":2}, "2026-04-05T01:30:00Z", null]]}]}
            """);

        var result = TelemetryImporter.Import(file, null, store);

        var imported = result.Tables.ShouldHaveSingleItem();
        imported.Table.ShouldBe("requests");
        imported.AddedColumns.ShouldBe(["client_City", "retries", "ratio", "sampled", "bag", "seenAt", "neverSet"], ignoreOrder: true);
        StoreQuery.Columns(store, "requests").ShouldContain("retries:long");
        StoreQuery.Columns(store, "requests").ShouldContain("neverSet:long");
        StoreQuery.Row(store, "requests | summarize sum(retries), sum(ratio), countif(sampled), max(toint(bag.a)), max(seenAt), max(duration), any(client_City)")
            .ShouldBe(["7", "0.75", "1", "2", "2026-04-05T01:30:00.0000000Z", "00:00:00.0415000", "Paris"]);
    }

    [Fact]
    public void Object_rows_type_added_columns_from_their_values_and_widen_whole_numbers_met_by_fractions()
    {
        var file = directory.Write("AppMetrics.json", """
            [
              {"TimeGenerated": "2026-04-05T01:30:00Z", "Name": "PrivateBytes", "Value": 1, "Gen": 1, "Note": null, "Flag": true, "Tags": ["a"]},
              {"TimeGenerated": "2026-04-05T01:31:00Z", "Name": "PrivateBytes", "Value": 2, "Gen": 2.5, "Note": "late", "Flag": false, "Tags": []}
            ]
            """);

        var result = TelemetryImporter.Import(file, null, store);

        result.Tables.ShouldHaveSingleItem().Table.ShouldBe("AppMetrics");
        var columns = StoreQuery.Columns(store, "AppMetrics");
        columns.ShouldContain("Gen:real");
        columns.ShouldContain("Note:string");
        columns.ShouldContain("Flag:bool");
        columns.ShouldContain("Tags:dynamic");
        StoreQuery.Row(store, "AppMetrics | summarize sum(Gen), max(Note), countif(Flag), sum(array_length(Tags))")
            .ShouldBe(["3.5", "late", "1", "1"]);
    }

    [Fact]
    public void A_table_no_schema_knows_is_made_of_the_files_columns()
    {
        var file = directory.Write("events.json", """
            {"records":[
              {"time": "2026-04-05T01:30:00Z", "Type": "AppEvents", "Name": "BlobQueued", "ItemCount": 2},
              {"time": "2026-04-05T01:31:00Z", "Type": "AppEvents", "Name": "BlobQueued", "ItemCount": 3}]}
            """);

        var result = TelemetryImporter.Import(file, null, store);

        result.Tables.ShouldHaveSingleItem().Table.ShouldBe("AppEvents");
        StoreQuery.Row(store, "AppEvents | summarize n = sum(ItemCount), t = max(TimeGenerated) by Name")
            .ShouldBe(["BlobQueued", "5", "2026-04-05T01:31:00.0000000Z"]);
    }

    [Fact]
    public void Columns_differing_only_in_case_stay_apart()
    {
        var file = directory.Write("FunctionAppLogs.json", """
            {"time": "2026-04-05T01:30:00Z", "category": "FunctionAppLogs", "level": "Informational", "properties": {"level": "Information", "message": "hello"}}
            """);

        TelemetryImporter.Import(file, null, store);

        StoreQuery.Row(store, "FunctionAppLogs | project Level, level, Message").ShouldBe(["Information", "Informational", "hello"]);
    }
}
