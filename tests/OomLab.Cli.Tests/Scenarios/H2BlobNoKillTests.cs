using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>Issue 5: the recommended concurrency, applied to the h2 scenario, runs the same load with no kill.</summary>
[Collection(LabRuns.Name)]
public sealed class H2BlobNoKillTests(H2BlobNoKillRun run) : IClassFixture<H2BlobNoKillRun>
{
    [Fact]
    public void Buffering_at_concurrency_2_runs_the_same_load_with_no_kill_and_no_out_of_memory()
    {
        run.ShouldHaveCompleted("H2", "BlobBufferProcessor");
        run.Json.GetProperty("remediation").GetBoolean().ShouldBeFalse();
        run.Json.GetProperty("appSettings").GetProperty("MAX_CONCURRENT_INVOCATIONS").GetString().ShouldBe("2");
        run.Json.GetProperty("appSettings").GetProperty("BLOB_BATCH_SIZE").GetString().ShouldBe("2");
        run.Exits137.ShouldBe(0);
        run.OutOfMemoryExceptions.ShouldBe(0);
        run.Telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBe(0);
        run.LargestBlob.ShouldBeGreaterThan(run.CeilingBytes / 16, "the same large blobs");
        run.InstancePrivateBytes().Max().ShouldBeLessThan(run.CeilingBytes);
    }
}
