using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h5-media: small PDFs rasterised into large bitmap buffers, many at once.</summary>
[Collection(LabRuns.Name)]
public sealed class H5MediaScenarioTests(H5MediaRun run) : IClassFixture<H5MediaRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H5", "RenderPdfActivity");

    [Fact]
    public void Small_inputs_become_large_bitmap_buffers_logged_with_the_invocation()
    {
        run.LargestBlob.ShouldBeLessThanOrEqualTo(64 * 1024);
        run.Telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Rasterizing PDF page % dpi: bitmap buffer % bytes' AND operation_Id <> ''").ShouldBeGreaterThan(0);
        run.Telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'SQL'").ShouldBe(0);
    }

    [Fact]
    public void Concurrent_renders_exhaust_memory()
    {
        (run.Exits137 + run.OutOfMemoryExceptions).ShouldBeGreaterThan(0);
        run.Telemetry.Count("SELECT count(*) FROM requests WHERE name = 'RenderPdfActivity' AND success = 0").ShouldBeGreaterThan(0);
    }

    [Fact]
    public Task Diagnose_ranks_H5_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H5");
}
