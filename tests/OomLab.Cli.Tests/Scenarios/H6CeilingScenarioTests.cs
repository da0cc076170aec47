using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h6-ceiling: an efficient workload that legitimately needs close to the plan's memory; the next plan fits it.</summary>
[Collection(LabRuns.Name)]
public sealed class H6CeilingScenarioTests(H6CeilingRun run) : IClassFixture<H6CeilingRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H6", "RollupMeterReadings");

    [Fact]
    public void Memory_sits_on_a_plateau_close_to_the_ceiling()
    {
        var readings = run.InstancePrivateBytes(0, run.DeploymentStartTicks(1)).Order().ToList();
        readings.Count.ShouldBeGreaterThan(10);
        readings[(int)(readings.Count * 0.95)].ShouldBeGreaterThan(run.CeilingBytes * 0.88);
        (run.Exits137 + run.OutOfMemoryExceptions).ShouldBeGreaterThan(0, "the month-end peaks on top of the plateau crash the worker");
        run.LargestBlob.ShouldBeGreaterThan(run.CeilingBytes / 32, "large files are streamed, not buffered");
    }

    [Fact]
    public void The_same_load_on_twice_the_memory_runs_with_no_kill_well_below_the_ceiling()
    {
        var scaled = run.DeploymentStartTicks(1);
        var ceiling = run.Json.GetProperty("deployments")[1].GetProperty("ceilingBytes").GetInt64();
        ceiling.ShouldBe(2 * run.CeilingBytes);
        run.Telemetry.Count($"SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137' AND timestamp >= {scaled}").ShouldBe(0);
        var peak = run.InstancePrivateBytes(scaled).Max();
        peak.ShouldBeLessThan(ceiling * 0.8, "the plateau plus the month-end peaks that killed the smaller plan");
        peak.ShouldBeGreaterThan(ceiling * 0.4);
    }

    [Fact]
    public Task Diagnose_ranks_H6_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H6");
}
