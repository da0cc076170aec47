using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h2-blob: the seed lab's story, compressed: buffering under high concurrency, then streaming 8/12.</summary>
[Collection(LabRuns.Name)]
public sealed class H2BlobScenarioTests(H2BlobRun run) : IClassFixture<H2BlobRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H2", "BlobBufferProcessor", "BlobStreamProcessor");

    [Fact]
    public void Concurrent_bursts_of_blobs_that_each_fit_exhaust_memory_before_the_remediation()
    {
        var remediation = run.DeploymentStartTicks(1);
        var crashes = run.Telemetry.Count($"""
            SELECT (SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137' AND timestamp < {remediation})
                 + (SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException' AND timestamp < {remediation})
            """);
        crashes.ShouldBeGreaterThan(0);
        run.LargestBlob.ShouldBeLessThanOrEqualTo(run.CeilingBytes / 8, "one blob must fit comfortably");
        run.LargestBlob.ShouldBeGreaterThan(run.CeilingBytes / 16);
    }

    [Fact]
    public void Out_of_memory_invocations_read_large_blobs()
    {
        var sizes = run.Telemetry.Strings("""
            SELECT json_extract(d.customDimensions, '$.ContentLengthBytes') FROM dependencies d
            JOIN exceptions e ON e.operation_Id = d.operation_Id
            WHERE e.type = 'System.OutOfMemoryException' AND d.type = 'Azure blob'
            """);
        sizes.ShouldAllBe(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) >= run.CeilingBytes / 16);
    }

    [Fact]
    public void After_the_remediation_the_same_bursts_peak_far_below_the_ceiling_with_no_kill()
    {
        var remediation = run.DeploymentStartTicks(1);
        run.Telemetry.Count($"SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137' AND timestamp >= {remediation}").ShouldBe(0);
        run.InstancePrivateBytes(remediation).Max().ShouldBeLessThan(run.CeilingBytes * 0.5);
        run.Telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Runbook action: deploy oom-streaming-app.zip (BlobStreamProcessor); set BLOB_BATCH_SIZE=8, MAX_CONCURRENT_INVOCATIONS=12%'").ShouldBe(1);
    }

    [Fact]
    public void Requests_carry_no_request_body_sizes() =>
        run.Telemetry.Count("SELECT count(*) FROM requests WHERE json_extract(customDimensions, '$.RequestBodyBytes') IS NOT NULL").ShouldBe(0);

    [Fact]
    public Task Diagnose_ranks_H2_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H2");

    [Fact]
    public async Task The_recommended_concurrency_runs_the_same_load_with_no_kill()
    {
        var diagnosis = await run.DiagnoseAsync();
        diagnosis.ExitCode.ShouldBe(0, diagnosis.ToString());
        using var json = JsonDocument.Parse(diagnosis.Stdout);
        var settings = json.RootElement.GetProperty("recommendation").GetProperty("appSettings");
        var concurrency = settings.GetProperty("MAX_CONCURRENT_INVOCATIONS").GetString()!;
        var batch = settings.GetProperty("BLOB_BATCH_SIZE").GetString()!;
        int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(48, "the advice lowers the seed's concurrency");

        using var rerun = new H2BlobRerun(concurrency, batch);
        await rerun.InitializeAsync();

        rerun.ShouldHaveCompleted("H2", "BlobBufferProcessor");
        rerun.Json.GetProperty("remediation").GetBoolean().ShouldBeFalse();
        rerun.Json.GetProperty("appSettings").GetProperty("MAX_CONCURRENT_INVOCATIONS").GetString().ShouldBe(concurrency);
        rerun.Exits137.ShouldBe(0);
        rerun.OutOfMemoryExceptions.ShouldBe(0);
        rerun.Telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBe(0);
        rerun.LargestBlob.ShouldBe(run.LargestBlob, "the same load");
        rerun.InstancePrivateBytes().Max().ShouldBeLessThan(rerun.CeilingBytes);
    }
}
