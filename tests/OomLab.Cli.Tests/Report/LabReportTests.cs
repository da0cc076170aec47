using OomLab.Cli.Tests.Support;
using OomLab.Report.Tests.Support;

namespace OomLab.Cli.Tests.Report;

/// <summary>
/// The report of the seed-lab run this assembly makes once (<see cref="SeedLabRun"/>): the lab writes <c>report.html</c> into its
/// bundle and says where, and the page matches the run's own telemetry. Its screenshot is the one in docs/ when the
/// run sets OOMLAB_UPDATE_DOCS=1 (otherwise it goes beside the report, so a test run leaves the repository as it was).
/// </summary>
[Collection(LabRuns.Name)]
public sealed class LabReportTests(Chromium chromium, SeedLabRun lab) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Lab_run_writes_a_report_whose_markers_and_series_match_its_telemetry()
    {
        var bundle = lab.Bundle;
        var result = lab.Result;

        result.ExitCode.ShouldBe(0, result.ToString());
        var path = Path.Combine(bundle, "report.html");
        result.Stdout.ShouldContain($"report: {path}");
        await using var report = await chromium.OpenAsync(path);
        using var telemetry = new TelemetryDb(Path.Combine(bundle, ".oomlab", "telemetry.db"));
        var instances = telemetry.Strings("SELECT DISTINCT instance FROM performanceCounters WHERE counter = 'Private Bytes' ORDER BY instance = '_Total' DESC, instance");
        (await report.AttributesAsync("#memory path.line", "data-series")).ShouldBe(instances);
        instances.ShouldContain("_Total");
        instances.Count.ShouldBeGreaterThan(1, "a series per worker besides the instance total");
        var kills = telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137'");
        kills.ShouldBeGreaterThan(0);
        (await report.CountAsync("#memory [data-marker=kill]")).ShouldBe((int)kills);
        (await report.CountAsync("#memory [data-line=ceiling]")).ShouldBe(1);
        (await report.TextAsync("#memory + ul")).ShouldContain("ceiling 224 MiB");
        (await report.TextAsync("#final-verdict")).ShouldBe("Final verdict: Hypothesis supported.");
        (await report.CountAsync("#verdict-table tbody tr")).ShouldBeGreaterThan(0);
        (await report.CountAsync("details.query")).ShouldBeGreaterThanOrEqualTo(12);
        report.ConsoleErrors.ShouldBeEmpty();
        report.NetworkRequests.ShouldBeEmpty();

        // The picture in the docs: header, phases and charts as a reader first sees them.
        var screenshot = Environment.GetEnvironmentVariable("OOMLAB_UPDATE_DOCS") == "1"
            ? Repository.Combine("docs", "report.png")
            : Path.Combine(bundle, "report.png");
        await report.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
    }
}
