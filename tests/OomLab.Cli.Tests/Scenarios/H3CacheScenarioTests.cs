using System.Globalization;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h3-cache: an unbounded static cache; memory climbs across invocations with no sawtooth.</summary>
[Collection(LabRuns.Name)]
public sealed class H3CacheScenarioTests(H3CacheRun run) : IClassFixture<H3CacheRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H3", "EnrichOrderRecords");

    [Fact]
    public void Only_small_blobs_arrive() => run.LargestBlob.ShouldBeLessThanOrEqualTo(64 * 1024);

    [Fact]
    public void Worker_private_bytes_climb_monotonically_until_the_kill_then_climb_again()
    {
        var kill = run.Telemetry.Count("SELECT coalesce(min(timestamp), 0) FROM traces WHERE message = 'Worker process exited with code 137'");
        kill.ShouldBeGreaterThan(0, "the worker is killed");
        var before = Readings(0, kill);
        var after = Readings(kill, long.MaxValue);

        before.Count.ShouldBeGreaterThan(10);
        var tolerance = run.CeilingBytes * 0.02;
        for (var i = 1; i < before.Count; i++)
        {
            before[i].ShouldBeGreaterThanOrEqualTo(before[i - 1] - tolerance, $"reading {i} of {before.Count} falls: no sawtooth expected");
        }

        before[^1].ShouldBeGreaterThan(run.CeilingBytes * 0.8);
        after.ShouldNotBeEmpty();
        after.Max().ShouldBeGreaterThan(after.Min() + run.CeilingBytes * 0.2, "memory climbs again after the restart");
    }

    private List<double> Readings(long from, long to) =>
        [.. run.Telemetry.Rows(string.Create(CultureInfo.InvariantCulture,
            $"SELECT value FROM performanceCounters WHERE counter = 'Private Bytes' AND instance = 'worker-1' AND timestamp >= {from} AND timestamp < {to} ORDER BY timestamp"))
            .Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture))];

    [Fact]
    public Task Diagnose_ranks_H3_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H3");
}
