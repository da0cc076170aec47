using System.Text.Json;
using Microsoft.Playwright;
using OomLab.Cli.Tests.Support;
using OomLab.Report.Tests.Support;

namespace OomLab.Report.Tests;

/// <summary>
/// <c>oomlab report</c> run as a user runs it (the real executable), the page opened in a real headless Chromium:
/// the charts carry the right series and markers, the tables are there, the page is quiet and inert.
/// </summary>
public sealed class ReportInBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Lab_bundle_report_draws_each_worker_and_the_instance_against_ceiling_and_bands_with_a_kill_marker_per_exit_137()
    {
        using var temp = new TempDirectory();
        var bundle = await new SyntheticRun().WriteLabBundleAsync(temp.Combine("bundle"));
        temp.Write("bundle/diagnosis.json", Diagnosis("Sev2", "H2"));

        var result = await OomLabCli.RunAsync("report", bundle);

        result.ExitCode.ShouldBe(0, result.ToString());
        var path = Path.Combine(bundle, "report.html");
        result.Stdout.ShouldContain(path);
        await using var report = await chromium.OpenAsync(path);
        (await report.AttributesAsync("#memory path.line", "data-series")).ShouldBe(["_Total", "worker-1", "worker-2"]);
        (await report.CountAsync("#memory [data-line=ceiling]")).ShouldBe(1);
        (await report.AttributesAsync("#memory rect.band", "data-band")).ShouldBe(["healthy", "degraded", "critical"]);
        using (var telemetry = new TelemetryDb(Path.Combine(bundle, ".oomlab", "telemetry.db")))
        {
            (await report.CountAsync("#memory [data-marker=kill]")).ShouldBe((int)telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137'"));
            (await report.CountAsync("#memory [data-marker=restart]")).ShouldBe((int)telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Restarting worker process after unexpected exit'"));
            (await report.CountAsync("#memory [data-marker=oom]")).ShouldBe((int)telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException'"));
        }

        (await report.CountAsync("#memory [data-marker=kill]")).ShouldBe(3);
        (await report.AttributesAsync("#phases [data-phase]", "data-phase")).ShouldBe(["Baseline", "Load 1", "Load 2", "Incident", "Recovery", "Remediation"]);
        (await report.CountAsync("#requests-p95 rect")).ShouldBeGreaterThan(60);
        (await report.CountAsync("#requests-failures rect")).ShouldBeGreaterThan(60);
        (await report.CountAsync("#dependency-failures rect")).ShouldBeGreaterThan(60);
        var tickX = await report.Page.EvaluateAsync<double[]>("""
            [...document.querySelectorAll('svg.chart')].map(svg =>
              [...svg.querySelectorAll('.axis text')].find(t => t.textContent === '02:00').getBoundingClientRect().x)
            """);
        tickX.Length.ShouldBe(5, "the phase strip and four charts");
        tickX.ShouldAllBe(x => Math.Abs(x - tickX[0]) < 0.5, "one time axis: 02:00 at the same x everywhere");
        var text = await report.TextAsync();
        text.ShouldContain("Private Bytes (MiB)");
        text.ShouldContain("time (UTC)");
        text.ShouldContain("ceiling 224 MiB");

        using var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "verdict.json")));
        (await report.CountAsync("#verdict-table tbody tr")).ShouldBe(verdict.RootElement.GetProperty("verdictTable").GetArrayLength());
        (await report.CountAsync("#criteria tbody tr")).ShouldBe(8);
        (await report.CountAsync("table[id^=expected-] tbody tr")).ShouldBe(verdict.RootElement.GetProperty("expectedEvidence").GetArrayLength());
        using var session = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "evidence", "oom", "kql-session.json")));
        (await report.CountAsync("details.query")).ShouldBe(session.RootElement.GetProperty("queries").GetArrayLength());
        (await report.CountAsync("details.query[open]")).ShouldBe(0, "queries are collapsed by default");
        (await report.Page.Locator("details.query[data-query=A] pre").IsVisibleAsync()).ShouldBeFalse();
        (await report.TextAsync("#severity")).ShouldContain("Sev2");
        (await report.CountAsync("#hypotheses tbody tr")).ShouldBe(2);
        (await report.CountAsync(".mitigations li")).ShouldBe(2);

        report.ConsoleErrors.ShouldBeEmpty();
        report.NetworkRequests.ShouldBeEmpty();
        (await report.CountAsync("script")).ShouldBe(0);
    }

    [Fact]
    public async Task Hostile_names_and_messages_show_as_text_and_never_run()
    {
        const string img = "<img src=x onerror=alert(1)>";
        const string script = "<script>alert(2)</script>";
        using var temp = new TempDirectory();
        var run = new SyntheticRun
        {
            Workers = [img, script],
            Blobs = [$"{img}.csv", $"{script}.csv"],
            ExceptionMessage = $"failed on {script} & {img}",
        };
        var bundle = await run.WriteLabBundleAsync(temp.Combine("bundle"));
        temp.Write("bundle/diagnosis.json", Diagnosis(img, script));

        var result = await OomLabCli.RunAsync("report", bundle, "--out", temp.Combine("out", "hostile.html"));

        result.ExitCode.ShouldBe(0, result.ToString());
        var html = File.ReadAllText(temp.Combine("out", "hostile.html"));
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<script", Case.Insensitive);
        await using var report = await chromium.OpenAsync(temp.Combine("out", "hostile.html"));
        report.Dialogs.ShouldBeEmpty();
        (await report.CountAsync("img")).ShouldBe(0);
        (await report.CountAsync("script")).ShouldBe(0);
        (await report.AttributesAsync("#memory path.line", "data-series")).ShouldBe(["_Total", img, script]);
        await report.Page.Locator("details.events").First.Locator("summary").ClickAsync();
        var lifecycle = await report.TextAsync("#lifecycle");
        lifecycle.ShouldContain(img);
        lifecycle.ShouldContain($"blob {script}.csv");
        lifecycle.ShouldContain($"failed on {script} & {img}");
        (await report.Page.Locator("#failing-blobs").TextContentAsync())!.ShouldContain($"{img}.csv");
        (await report.TextAsync("#severity")).ShouldContain(img);
        (await report.TextAsync("#hypotheses")).ShouldContain(script);
        (await report.Page.Locator("#memory path.line[data-series=\"" + img.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"] title").TextContentAsync()).ShouldBe(img);
        report.Dialogs.ShouldBeEmpty();
        report.ConsoleErrors.ShouldBeEmpty();
        report.NetworkRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bare_telemetry_file_gets_charts_and_no_lab_sections()
    {
        using var temp = new TempDirectory();
        var telemetry = temp.Combine("exported.db");
        await new SyntheticRun().WriteAsync(telemetry);

        var result = await OomLabCli.RunAsync("report", telemetry);

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var report = await chromium.OpenAsync(temp.Combine("report.html"));
        (await report.TextAsync("h1")).ShouldBe("func-oom-lab-001: telemetry");
        (await report.AttributesAsync("#memory path.line", "data-series")).ShouldBe(["_Total", "worker-1", "worker-2"]);
        (await report.CountAsync("#memory [data-line=ceiling]")).ShouldBe(1, "the ceiling comes from the exit traces");
        (await report.CountAsync("#memory [data-marker=kill]")).ShouldBe(3);
        (await report.CountAsync("#phases")).ShouldBe(0);
        (await report.CountAsync("#verdict")).ShouldBe(0);
        (await report.CountAsync("#diagnosis")).ShouldBe(0);
        (await report.CountAsync("#queries")).ShouldBe(0);
        report.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_scenario_bundle_without_verdict_or_phases_still_reports()
    {
        using var temp = new TempDirectory();
        await new SyntheticRun { Kills = 0, OutOfMemoryExceptions = 0 }.WriteAsync(temp.Combine(".oomlab", "telemetry.db"));
        temp.Write("scenario.json", """{ "name": "h3-unbounded-cache", "description": "Cache grows without bound", "ceiling": { "bytes": 536870912 }, "future": [1, 2] }""");
        temp.Write("diagnosis.json", "{ this is not json");

        var result = await OomLabCli.RunAsync("report", temp.Path);

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var report = await chromium.OpenAsync(temp.Combine("report.html"));
        (await report.TextAsync("h1")).ShouldBe("Scenario: h3-unbounded-cache");
        (await report.TextAsync("#memory + ul")).ShouldContain("ceiling 512 MiB");
        (await report.CountAsync("#memory [data-marker]")).ShouldBe(0);
        (await report.TextAsync(".problem")).ShouldStartWith(ReportMessages.Unreadable("diagnosis.json", "line 1"));
        (await report.CountAsync("#verdict")).ShouldBe(0);
        report.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bundle_without_telemetry_says_there_is_no_data()
    {
        using var temp = new TempDirectory();
        temp.Write("verdict.json", """{ "finalVerdict": "Final verdict: Hypothesis supported.", "supported": true, "verdictTable": [ { "criterion": "P1", "verdict": "holds", "evidence": "23" } ] }""");

        var result = await OomLabCli.RunAsync("report", temp.Path);

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var report = await chromium.OpenAsync(temp.Combine("report.html"));
        (await report.TextAsync("#timeline")).ShouldContain("No data");
        (await report.CountAsync("#verdict-table tbody tr")).ShouldBe(1);
        report.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_follows_the_reader_s_dark_mode()
    {
        using var temp = new TempDirectory();
        var telemetry = temp.Combine("t.db");
        await new SyntheticRun().WriteAsync(telemetry);
        (await OomLabCli.RunAsync("report", telemetry)).ExitCode.ShouldBe(0);

        await using var light = await chromium.OpenAsync(temp.Combine("report.html"), ColorScheme.Light);
        await using var dark = await chromium.OpenAsync(temp.Combine("report.html"), ColorScheme.Dark);

        (await Background(light)).ShouldBe("rgb(255, 255, 255)");
        (await Background(dark)).ShouldBe("rgb(20, 23, 28)");
        (await dark.Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#memory path.total')).stroke")).ShouldBe("rgb(230, 233, 239)");
    }

    [Fact]
    public async Task A_missing_source_is_a_clear_error_without_a_stack_trace()
    {
        using var temp = new TempDirectory();

        var result = await OomLabCli.RunAsync("report", temp.Combine("no-such-bundle"));

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain("no-such-bundle");
        result.ErrorText.ShouldContain(ReportMessages.NoSuchSource);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("this is not a database")]
    [InlineData("")]
    public async Task A_file_that_is_not_a_telemetry_store_is_a_clear_error(string content)
    {
        using var temp = new TempDirectory();
        var file = temp.Write("notes.db", content);

        var result = await OomLabCli.RunAsync("report", file);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("notes.db");
        result.ErrorText.ShouldContain(ReportMessages.NotATelemetryStoreText);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Printing_drops_the_navigation_and_keeps_the_charts()
    {
        using var temp = new TempDirectory();
        var telemetry = temp.Combine("t.db");
        await new SyntheticRun().WriteAsync(telemetry);
        (await OomLabCli.RunAsync("report", telemetry)).ExitCode.ShouldBe(0);
        await using var report = await chromium.OpenAsync(temp.Combine("report.html"));

        await report.Page.EmulateMediaAsync(new() { Media = Media.Print });

        (await report.Page.Locator("nav").IsVisibleAsync()).ShouldBeFalse();
        (await report.Page.Locator("#memory").IsVisibleAsync()).ShouldBeTrue();
        (await report.Page.PdfAsync()).Length.ShouldBeGreaterThan(10_000);
    }

    private static Task<string> Background(ReportPage page) =>
        page.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    private static string Diagnosis(string severity, string hypothesis) => JsonSerializer.Serialize(new
    {
        summary = "Buffering whole blobs exhausts the ceiling.",
        severity = new { level = severity, rule = "Repeated worker crashes", reason = "3 kills" },
        hypotheses = new object[]
        {
            new { id = "H2", title = hypothesis, status = "confirmed", evidence = new[] { new { signal = "OOM near blob reads", expected = "yes", measured = "5", holds = true } }, query = "exceptions | take 1" },
            new { id = "H4", title = "EF contexts", status = "ruled out" },
        },
        decisionPath = new[] { "B: OOM exceptions? yes" },
        misreadings = new[] { new { misreading = "No OOM means fine", why = "kills skip logging", correct = "use restarts" } },
        mitigations = new object[] { "Lower MAX_CONCURRENT_INVOCATIONS", new { title = "Stream", snippet = "{ \"batchSize\": 8 }", language = "json" } },
    });
}
