using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>
/// h2-blob's Python twin: the seed's own apps (oom-buffering-app at 32/48, then oom-streaming-app at 8/12) on the same
/// timeline and load, killed by the ceiling before the remediation, flat after it, and diagnosed H2 like the C# run.
/// </summary>
[Collection(LabRuns.Name)]
public sealed class H2BlobPythonScenarioTests(H2BlobPythonRun run) : IClassFixture<H2BlobPythonRun>
{
    [Fact]
    public void The_python_apps_crash_before_the_remediation_and_not_after_it()
    {
        run.ShouldHaveCompleted("H2", "BlobBufferProcessor");
        var remediation = run.DeploymentStartTicks(1);
        run.Telemetry.Count($"SELECT count(*) FROM traces WHERE message = 'python exited with code 137 (0x89)' AND timestamp < {remediation}").ShouldBeGreaterThan(0);
        run.Telemetry.Count($"SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%' AND timestamp >= {remediation}").ShouldBe(0);
        run.Telemetry.Count($"SELECT count(*) FROM dependencies WHERE type = 'Azure blob' AND timestamp >= {remediation}").ShouldBe(0, "the streaming app reads the blobs itself");
        run.Telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Runbook action: deploy oom-streaming-app (BlobBufferProcessor); set BLOB_BATCH_SIZE=8, MAX_CONCURRENT_INVOCATIONS=12%'").ShouldBe(1);
    }

    [Fact]
    public Task Diagnose_ranks_H2_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H2");

    [Fact]
    public async Task A_scenario_without_a_python_twin_is_refused_before_anything_starts()
    {
        using var directory = new TempDirectory();

        var result = await OomLabCli.RunAsync("lab", "--scenario", "h5-media", "--runtime", "python", "--out", directory.Combine("run"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("--runtime python: the scenario \"h5-media\" has no Python twin yet; those that have: h2-blob");
        Directory.Exists(directory.Combine("run")).ShouldBeFalse();
    }
}
