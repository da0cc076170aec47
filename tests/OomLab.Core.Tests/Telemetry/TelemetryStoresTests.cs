using System.Globalization;
using Microsoft.Data.Sqlite;
using OomLab.Kql;
using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry;

/// <summary>
/// Several stores (one per instance) read as one: each table the rows of all, in time order, nothing dropped or doubled;
/// paths that name no store, and files that are none, named in the error.
/// </summary>
[Collection(SelfLogCollection.Name)]
public sealed class TelemetryStoresTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Some.T0;
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Two_instances_stores_read_as_one_table_merged_by_time()
    {
        // Instance a writes at even seconds, b at odd ones: one store holding both would have them alternate.
        var a = await StoreAsync("a", "instance-a", seconds: [0, 2, 4, 6]);
        var b = await StoreAsync("b", "instance-b", seconds: [1, 3, 5]);

        using var source = TelemetryTableSource.Open([a, b]);

        Rows(source, "requests | project name, cloud_RoleInstance").ShouldBe(
            ["a-0 instance-a", "b-1 instance-b", "a-2 instance-a", "b-3 instance-b", "a-4 instance-a", "b-5 instance-b", "a-6 instance-a"]);
        Rows(source, "requests | summarize n = count(), failed = countif(success == false)").ShouldBe(["7 3"]);
        Rows(source, "traces | distinct cloud_RoleInstance | order by cloud_RoleInstance asc").ShouldBe(["instance-a", "instance-b"]);

        // The workspace twin shows the same rows, and every column lines up with its row (duration, dimensions).
        Rows(source, "AppRequests | project Name, AppRoleInstance, DurationMs, tostring(Properties.Seq)").ShouldBe(
            ["a-0 instance-a 0 0", "b-1 instance-b 1 1", "a-2 instance-a 2 2", "b-3 instance-b 3 3", "a-4 instance-a 4 4", "b-5 instance-b 5 5", "a-6 instance-a 6 6"]);
        source.RowCount.ShouldBe(2 * (4 + 3));
        source.Paths.ShouldBe([a, b]);
    }

    [Fact]
    public async Task Columns_read_ahead_and_from_a_columnar_copy_give_the_union_read_lazily()
    {
        var a = await StoreAsync("a", "instance-a", seconds: [0, 3, 4]);
        var b = await StoreAsync("b", "instance-b", seconds: [1, 2, 5, 6]);
        using (var connection = TelemetryStore.Connect(a, SqliteOpenMode.ReadWrite))
        {
            ColumnarCopy.Write(connection, a, TelemetrySchema.Requests).ShouldBeNull();
        }

        using var lazy = TelemetryTableSource.Open([a, b]);
        using var prefetched = TelemetryTableSource.Open([a, b]);
        prefetched.Prefetch(TelemetrySchema.Requests.Columns.Select(c => ("requests", c.Name)));

        const string Query = "requests | project timestamp, name, success, duration, customDimensions, cloud_RoleInstance";
        var expected = Rows(lazy, Query);
        expected.Select(r => r.Split(' ')[1]).ShouldBe(["a-0", "b-1", "b-2", "a-3", "a-4", "b-5", "b-6"]);
        Rows(prefetched, Query).ShouldBe(expected);
    }

    [Fact]
    public async Task A_store_with_no_rows_in_a_table_leaves_the_other_stores_rows_in_their_order()
    {
        var a = await StoreAsync("a", "instance-a", seconds: [5, 1, 3]);
        var empty = directory.Combine("empty", TelemetryLocation.FileName);
        await using (TelemetryWriter.Open(empty, new TelemetryIdentity("func", "instance-e")))
        {
        }

        using var source = TelemetryTableSource.Open([empty, a]);

        // Not sorted: a store's own order stands; only rows of several stores are merged.
        Rows(source, "requests | project name").ShouldBe(["a-5", "a-1", "a-3"]);
    }

    [Theory]
    [InlineData(new long[] { 1, 3, 2, 4 }, new[] { 2, 2 }, new[] { 0, 2, 1, 3 })]
    [InlineData(new long[] { 5, 5, 5 }, new[] { 1, 1, 1 }, new[] { 0, 1, 2 })]
    [InlineData(new long[] { 9, 1, 2, 3 }, new[] { 2, 0, 2 }, new[] { 2, 3, 0, 1 })]
    [InlineData(new long[] { 4, 1, 2 }, new[] { 2, 1 }, new[] { 2, 0, 1 })]
    public void Merge_takes_the_earliest_next_row_of_each_store_ties_to_the_first_store(long[] ticks, int[] rows, int[] expected) =>
        StoreMerge.Merge(ticks, null, rows).ShouldBe(expected);

    [Fact]
    public void Merge_takes_a_row_without_time_first()
    {
        StoreMerge.Merge([1, 0, 2], [false, true, false], [1, 2]).ShouldBe([1, 0, 2]);
    }

    [Fact]
    public async Task A_folder_stands_for_every_store_under_it_each_once()
    {
        var b = await StoreAsync("instances/b/.oomlab", "instance-b", seconds: [1]);
        var a = await StoreAsync("instances/a/.oomlab", "instance-a", seconds: [0]);
        var exported = await StoreAsync("instances", "instance-c", seconds: [2], file: "exported.db");

        TelemetryLocation.ResolveAll([directory.Combine("instances"), directory.Combine("instances", "a")], "--telemetry")
            .ShouldBe([a, b, exported]);
        TelemetryLocation.ResolveAll([directory.Combine("instances", "b"), directory.Combine("instances")], "--telemetry")
            .ShouldBe([b, a, exported]);
    }

    [Fact]
    public void A_path_that_names_no_store_is_named_in_the_error()
    {
        var missing = directory.Combine("nowhere");
        var emptyFolder = directory.Combine("nothing");
        Directory.CreateDirectory(emptyFolder);

        Should.Throw<OomLabException>(() => TelemetryLocation.ResolveAll([missing], "--telemetry"))
            .Message.ShouldBe(TelemetryStoreMessages.Missing("--telemetry", missing));
        Should.Throw<OomLabException>(() => TelemetryLocation.ResolveAll([emptyFolder], "diagnose"))
            .Message.ShouldBe(TelemetryStoreMessages.NoStore("diagnose", emptyFolder));
    }

    [Fact]
    public async Task A_file_that_is_no_telemetry_store_or_of_a_later_schema_is_named()
    {
        var good = await StoreAsync("good", "instance-a", seconds: [0]);
        var text = directory.Write("notes.db", "this is not a database");
        var queue = directory.Combine("queue.db");
        Execute(queue, "CREATE TABLE messages (id INTEGER);");
        var later = await StoreAsync("later", "instance-b", seconds: [1]);
        Execute(later, "PRAGMA user_version=99;");

        Should.Throw<OomLabException>(() => TelemetryTableSource.Open([good, text])).Message
            .ShouldStartWith($"{text}: {TelemetryStoreMessages.NotATelemetryStoreText}");
        Should.Throw<OomLabException>(() => TelemetryTableSource.Open([good, queue])).Message
            .ShouldBe(TelemetryStoreMessages.NotATelemetryStore(queue, "no telemetry table in it"));
        Should.Throw<OomLabException>(() => TelemetryTableSource.Open([good, later])).Message
            .ShouldBe(TelemetryStoreMessages.NewerSchema(later, 99));
    }

    [Fact]
    public async Task A_store_records_its_schema_version()
    {
        var store = await StoreAsync("a", "instance-a", seconds: [0]);

        using var connection = TelemetryStore.Connect(store, SqliteOpenMode.ReadOnly);
        TelemetryStore.ReadSchemaVersion(connection).ShouldBe(TelemetryStore.SchemaVersion);
    }

    private async Task<string> StoreAsync(string folder, string instance, int[] seconds, string file = TelemetryLocation.FileName)
    {
        var path = directory.Combine(folder, file);
        await using var writer = TelemetryWriter.Open(path, new TelemetryIdentity("func-oom-lab", instance));
        var prefix = instance[^1..];
        foreach (var s in seconds)
        {
            var seq = new Dictionary<string, string> { ["Seq"] = s.ToString(CultureInfo.InvariantCulture) };
            writer.Emit(new RequestTelemetry(T0.AddSeconds(s), $"req-{prefix}-{s}", $"{prefix}-{s}", s % 2 == 0, "200", TimeSpan.FromMilliseconds(s), $"op-{prefix}-{s}", seq));
            writer.Emit(Some.Trace($"message {prefix}-{s}", T0.AddSeconds(s)));
        }

        return path;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = TelemetryStore.Connect(path, SqliteOpenMode.ReadWriteCreate);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(TelemetryTableSource source, string query)
    {
        var result = KqlEngine.Execute(query, source);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Diagnostics));
        var table = result.Table;
        return [.. Enumerable.Range(0, table.RowCount).Select(r => string.Join(' ', table.Columns.Select(c => Text(c.GetValue(r)))))];
    }

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        TimeSpan span => span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
