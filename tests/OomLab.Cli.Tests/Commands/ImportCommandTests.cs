using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary><c>oomlab import</c>: Application Insights exports into a telemetry store that query and diagnose read.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Rest_shape_is_imported_under_the_file_name_with_durations_in_milliseconds()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("requests.json", Exports.RestRequests(30, failing: false));

        var result = await OomLabCli.RunAsync("import", file, "--out", directory.Combine("store"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("30 rows into requests (columns added to requests: client_City)");
        var query = await OomLabCli.RunAsync("query", "requests | summarize n = count(), d = max(duration), b = max(tolong(customDimensions.ContentLengthBytes))", "--telemetry", directory.Combine("store"), "--format", "csv");
        query.Stdout.ShouldContain("30,00:00:00.0415,65536");
    }

    [Fact]
    public async Task Az_log_analytics_array_of_strings_is_imported_into_the_table_its_columns_match()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("export.json", Exports.AzLogAnalyticsAppMetrics(40));
        var store = directory.Combine("t.db");

        var result = await OomLabCli.RunAsync("import", file, "--out", store);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("40 rows into AppMetrics");
        var query = await OomLabCli.RunAsync("query", "AppMetrics | summarize max(Value), any(tostring(Properties.ProcessId))", "--telemetry", store, "--format", "csv");
        query.Stdout.ShouldContain("100039000,42");
    }

    [Theory]
    [InlineData("{\"tables\":[{\"name\":\"x\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"}],\n\"rows\":[\n[\"2026-04-05T01:30:00Z\"],\n[\"2026-04-05T01:31:00Z\" oops]\n]}]}", "requests.json:4:", "invalid JSON")]
    [InlineData("{\"tables\":[{\"name\":\"x\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"}],\n\"rows\":[\n[\"2026-04-05T01:30:00Z\"],\n[\"yesterday\"]\n]}]}", "requests.json:4:1:", "column 'timestamp': \"yesterday\" is not a datetime")]
    [InlineData("{\"tables\":[{\"name\":\"x\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"}],\n\"rows\":[\n[\"2026-04-05T01:30:00Z\", 1]\n]}]}", "requests.json:3:1:", "the row has 2 values but there are 1 columns")]
    [InlineData("{\"tables\":[{\"name\":\"x\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"}],\n\"rows\":[\n[\"2026-04-05T01:30:00Z\"],\n", "requests.json:", "invalid JSON")]
    public async Task Malformed_file_is_named_with_its_line_and_column(string content, string location, string problem)
    {
        using var directory = new TempDirectory();
        var file = directory.Write("requests.json", content);

        var result = await OomLabCli.RunAsync("import", file, "--out", directory.Combine("store"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain(location);
        result.ErrorText.ShouldContain(problem);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("empty.json", new byte[0], "empty.json:1:1: the file is empty")]
    [InlineData("image.json", new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00 }, "image.json:1:1: binary data")]
    [InlineData("requests.json.gz", null, "requests.json.gz:1:1: the gzip data ends early")]
    public async Task Unreadable_file_exits_2_with_its_location_and_the_files_before_it_stay_imported(string name, byte[]? content, string error)
    {
        using var directory = new TempDirectory();
        var good = directory.Write("requests.json", Exports.RestRequests(5, failing: false));
        var bad = Path.Combine(directory.Path, name);
        File.WriteAllBytes(bad, content ?? Exports.TruncatedGzip(Exports.RestRequests(50, failing: false)));
        var store = directory.Combine("store");

        var result = await OomLabCli.RunAsync("import", good, bad, "--out", store);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain(error);
        result.Stderr.ShouldNotContain("   at ");
        result.Stdout.ShouldContain("5 rows into requests");
        var count = await OomLabCli.RunAsync("query", "requests | count", "--telemetry", store, "--format", "csv");
        count.Stdout.ShouldContain("\n5");
    }

    [Fact]
    public async Task Columns_that_match_no_table_ask_for_the_table_name()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("export.json", "[{\"a\": 1, \"b\": 2}]");

        var result = await OomLabCli.RunAsync("import", file, "--out", directory.Combine("store"));

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain("--table");
    }

    [Fact]
    public async Task Imported_failing_dependency_incident_is_diagnosed_as_not_memory_with_exit_3()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("requests.json", Exports.RestRequests(60, failing: true));
        var store = directory.Combine("store");
        (await OomLabCli.RunAsync("import", file, "--out", store)).ExitCode.ShouldBe(0);

        var result = await OomLabCli.RunAsync("diagnose", store, "--plan", "EP1");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("Memory is not the cause");
        result.Stdout.ShouldContain("ceiling EP1 (3584 MiB)");
        result.Stdout.ShouldContain("F  Check upstream dependencies and network");
    }
}
