using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h1-payload: large HTTP request bodies buffered by an HTTP-triggered function served on loopback.</summary>
[Collection(LabRuns.Name)]
public sealed class H1PayloadScenarioTests(H1PayloadRun run) : IClassFixture<H1PayloadRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H1", "ProcessOrderHttpTrigger");

    [Fact]
    public void Every_request_is_an_HTTP_call_on_loopback_with_its_body_size()
    {
        var db = run.Telemetry;
        db.Count("SELECT count(*) FROM requests WHERE url NOT LIKE 'http://127.0.0.1:%/api/ProcessOrderHttpTrigger'").ShouldBe(0);
        db.Count("SELECT count(*) FROM requests WHERE json_extract(customDimensions, '$.RequestBodyBytes') IS NULL").ShouldBe(0);
        db.Count("SELECT count(*) FROM requests WHERE resultCode NOT IN ('200', '500')").ShouldBe(0);
    }

    [Fact]
    public void Large_bodies_fail_with_out_of_memory_or_a_kill_and_small_ones_succeed()
    {
        var db = run.Telemetry;
        (run.Exits137 + run.OutOfMemoryExceptions).ShouldBeGreaterThan(0);
        var large = (long)(run.CeilingBytes * 0.15);
        db.Count($"SELECT count(*) FROM requests WHERE CAST(json_extract(customDimensions, '$.RequestBodyBytes') AS INTEGER) >= {large}").ShouldBeGreaterThan(0);
        db.Count($"""
            SELECT count(*) FROM exceptions e JOIN requests r ON r.operation_Id = e.operation_Id
            WHERE e.type = 'System.OutOfMemoryException' AND CAST(json_extract(r.customDimensions, '$.RequestBodyBytes') AS INTEGER) < {large}
            """).ShouldBe(0, "an OutOfMemoryException on a small body");
        db.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Bodies_are_not_recorded_as_blob_reads() =>
        run.Telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBe(0);

    [Fact]
    public Task Diagnose_ranks_H1_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H1");
}
