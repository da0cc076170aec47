using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary><c>oomlab query --telemetry</c> over the store a real host run wrote.</summary>
public sealed class QueryTelemetryTests
{
    [Fact]
    public async Task Queries_run_over_the_telemetry_a_host_run_recorded()
    {
        using var root = new TempRoot();
        for (var i = 0; i < 5; i++)
        {
            root.WriteBlob($"q/{i}.csv", 10_000 + i, seed: i);
        }

        var host = await OomLabCli.RunAsync(["host", "--root", root.Path, "--function", "BlobStreamProcessor", "--until-idle", "1s"]);
        host.ExitCode.ShouldBe(0, host.ToString());

        var result = await OomLabCli.RunAsync(
            "query", "--telemetry", root.Path, "--format", "csv",
            "requests | where success == true | summarize n = count() by name; dependencies | where type == 'Azure blob' | summarize bytes = sum(tolong(customDimensions['ContentLengthBytes']))");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("BlobStreamProcessor,5");
        result.Stdout.ShouldContain((5 * 10_000 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The blobs were written before the host started: each waited from its last write (arrival) at least as long as
        // from its discovery, and longer than the host took to start.
        var latencies = await OomLabCli.RunAsync(
            "query", "--telemetry", root.Path, "--format", "csv",
            "requests | extend arrival = todouble(customDimensions.ArrivalLatencyMs), trigger = todouble(customDimensions.TriggerLatencyMs) | summarize n = countif(arrival >= trigger and arrival > 0), total = count()");
        latencies.ExitCode.ShouldBe(0, latencies.ToString());
        latencies.Stdout.ShouldContain("5,5");
    }

    [Fact]
    public async Task A_missing_store_is_a_clear_error()
    {
        using var root = new TempRoot();

        var result = await OomLabCli.RunAsync("query", "--telemetry", root.Path, "requests | count");

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain("no telemetry store");
        result.Stderr.ShouldNotContain("   at ");
    }
}
