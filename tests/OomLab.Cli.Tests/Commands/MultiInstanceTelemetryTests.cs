using System.Globalization;
using System.Text.Json;
using OomLab.Cli.Tests.Support;
using OomLab.Telemetry;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab query</c>, <c>diagnose</c> and <c>report</c> over the stores of two real host instances, read as one; and
/// what they say of paths that name no store.
/// </summary>
public sealed class MultiInstanceTelemetryTests(TwoInstanceRuns runs) : IClassFixture<TwoInstanceRuns>
{
    [Fact]
    public async Task Query_over_two_instances_stores_counts_the_rows_of_both()
    {
        runs.HostA.ExitCode.ShouldBe(0, runs.HostA.ToString());
        runs.HostB.ExitCode.ShouldBe(0, runs.HostB.ToString());
        const string Counts = "requests | summarize n = count(), failed = countif(success == false) by cloud_RoleInstance | order by cloud_RoleInstance asc";
        var a = await QueryAsync(Counts, "--telemetry", runs.RootA);
        var b = await QueryAsync(Counts, "--telemetry", runs.RootB);
        a.ShouldBe(["cloud_RoleInstance,n,failed", "instance-a,5,5"]);
        b.ShouldBe(["cloud_RoleInstance,n,failed", "instance-b,6,5"]);

        // Two stores given one by one, or their folder: the same union.
        (await QueryAsync(Counts, "--telemetry", runs.RootA, "--telemetry", runs.RootB)).ShouldBe([.. a, .. b.Skip(1)]);
        (await QueryAsync(Counts, "--telemetry", runs.Instances)).ShouldBe([.. a, .. b.Skip(1)]);

        var traces = await QueryAsync("traces | summarize n = count(), instances = dcount(cloud_RoleInstance); AppTraces | count", "--telemetry", runs.Instances);
        var tracesA = (await QueryAsync("traces | count", "--telemetry", runs.RootA))[1];
        var tracesB = (await QueryAsync("traces | count", "--telemetry", runs.RootB))[1];
        var total = long.Parse(tracesA, CultureInfo.InvariantCulture) + long.Parse(tracesB, CultureInfo.InvariantCulture);
        traces.ShouldBe(["n,instances", $"{total},2", "Count", $"{total}"]);
    }

    [Fact]
    public async Task Diagnose_over_two_instances_stores_judges_crashes_across_instances()
    {
        var alone = await DiagnoseAsync(runs.RootA);
        alone.GetProperty("signals").GetProperty("crashInstances").GetInt64().ShouldBe(1);

        var both = await DiagnoseAsync(runs.RootA, runs.RootB);
        var signals = both.GetProperty("signals");
        signals.GetProperty("crashInstances").GetInt64().ShouldBe(2);
        signals.GetProperty("requestCount").GetInt64().ShouldBe(11);
        signals.GetProperty("oomExceptions").GetInt64().ShouldBe(
            alone.GetProperty("signals").GetProperty("oomExceptions").GetInt64() + (await DiagnoseAsync(runs.RootB)).GetProperty("signals").GetProperty("oomExceptions").GetInt64());
        both.GetProperty("memoryIsCause").GetBoolean().ShouldBeTrue();
        both.GetProperty("severity").GetProperty("level").GetString().ShouldBe("Sev2");
        both.GetProperty("severity").GetProperty("condition").GetString().ShouldBe("Repeated worker crashes across multiple instances causing queue growth or API errors");
    }

    [Fact]
    public async Task Report_over_a_folder_of_instances_shows_both_and_goes_into_the_folder()
    {
        var report = await OomLabCli.RunAsync("report", runs.Instances);

        report.ExitCode.ShouldBe(0, report.ToString());
        var html = await File.ReadAllTextAsync(Path.Combine(runs.Instances, "report.html"));
        html.ShouldContain("instance-a / _Total");
        html.ShouldContain("instance-b / _Total");
    }

    [Fact]
    public async Task Paths_that_name_no_store_are_named_with_exit_2()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("nowhere");
        var empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var notes = temp.Write("notes.db", "this is not a database");

        await ShouldRefuseAsync(TelemetryStoreMessages.Missing("--telemetry", missing), "query", "--telemetry", runs.RootA, "--telemetry", missing, "requests | count");
        await ShouldRefuseAsync(TelemetryStoreMessages.NoStore("diagnose", empty), "diagnose", runs.RootA, empty, "--plan", "EP1");
        await ShouldRefuseAsync(TelemetryStoreMessages.NoStore("report", empty), "report", runs.RootA, empty);
        await ShouldRefuseAsync($"{notes}: {TelemetryStoreMessages.NotATelemetryStoreText}", "diagnose", runs.RootA, notes, "--plan", "EP1");
        await ShouldRefuseAsync(
            TelemetryStoreMessages.NotATelemetryStore(Path.Combine(runs.RootB, ".oomlab", "queue.db"), "no telemetry table in it"),
            "query", "--telemetry", runs.RootA, "--telemetry", Path.Combine(runs.RootB, ".oomlab", "queue.db"), "requests | count");
    }

    [Fact]
    public async Task A_store_of_a_later_schema_version_is_named_with_exit_2()
    {
        using var temp = new TempDirectory();
        var later = temp.Combine("later.db");
        File.Copy(Path.Combine(runs.RootA, ".oomlab", "telemetry.db"), later);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={later};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version=7;";
            command.ExecuteNonQuery();
        }

        await ShouldRefuseAsync(TelemetryStoreMessages.NewerSchema(later, 7), "query", "--telemetry", runs.RootB, "--telemetry", later, "requests | count");
    }

    private static async Task ShouldRefuseAsync(string message, params string[] args)
    {
        var result = await OomLabCli.RunAsync(args);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain(message);
        result.Stderr.ShouldNotContain("   at ");
    }

    private static async Task<List<string>> QueryAsync(string query, params string[] args)
    {
        var result = await OomLabCli.RunAsync(["query", .. args, "--format", "csv", query]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static async Task<JsonElement> DiagnoseAsync(params string[] stores)
    {
        var result = await OomLabCli.RunAsync(["diagnose", .. stores, "--ceiling", "96MiB", "--format", "json"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.Clone();
    }
}
