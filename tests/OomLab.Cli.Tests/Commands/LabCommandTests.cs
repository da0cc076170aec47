using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab lab</c> end to end, as a user runs it: the real executable, the small preset, real workers,
/// real kills. The two full runs share one collection so that they never run at the same time (each
/// writes several GiB of blobs and needs the machine's attention to be a fair reproduction).
/// </summary>
[Collection(LabRuns.Name)]
public sealed class LabCommandTests(SeedLabRun seedLab)
{
    private static readonly DateTime IncidentStart = new(2026, 4, 5, 2, 15, 0, DateTimeKind.Utc);
    private static readonly DateTime Remediation = new(2026, 4, 5, 2, 25, 0, DateTimeKind.Utc);

    [Fact]
    public void Small_lab_reproduces_the_crash_loop_in_the_incident_window_and_supports_the_hypothesis()
    {
        var bundle = seedLab.Bundle;
        var result = seedLab.Result;

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Final verdict: Hypothesis supported.");
        using (var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "verdict.json"))))
        {
            verdict.RootElement.GetProperty("supported").GetBoolean().ShouldBeTrue();
        }

        using var telemetry = new TelemetryDb(Path.Combine(bundle, ".oomlab", "telemetry.db"));
        var exits = Times(telemetry, "SELECT timestamp FROM traces WHERE message = 'Worker process exited with code 137'");
        var outOfMemory = Times(telemetry, "SELECT timestamp FROM exceptions WHERE type = 'System.OutOfMemoryException'");
        exits.ShouldNotBeEmpty();
        outOfMemory.ShouldNotBeEmpty();
        exits.Concat(outOfMemory).ShouldAllBe(t => t >= IncidentStart && t < Remediation, "crash signatures outside the incident window");
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Restarting worker process after unexpected exit'").ShouldBeGreaterThan(0);

        // Nothing lost: every blob ended processed (with a receipt) or poisoned with a reason.
        using var queue = new TelemetryDb(Path.Combine(bundle, ".oomlab", "queue.db"));
        queue.Count("SELECT count(*) FROM messages WHERE state NOT IN (2, 3)").ShouldBe(0);
        queue.Count("SELECT count(*) FROM messages WHERE state = 3 AND (reason IS NULL OR reason = '')").ShouldBe(0);
        queue.Count("SELECT count(*) FROM messages WHERE state = 2").ShouldBe(queue.Count("SELECT count(*) FROM receipts"));

        // The evidence bundle of the seed's artifact inventory.
        File.Exists(Path.Combine(bundle, "settings.json")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(bundle, "evidence", "oom", "timeline.csv")).ShouldStartWith("Time (UTC),Phase,Signal,Observation,Interpretation");
        using var session = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "evidence", "oom", "kql-session.json")));
        var ids = session.RootElement.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        ids.ShouldContain("A");
        ids.ShouldContain("I");
        ids.ShouldContain("PostFix-3");
        session.RootElement.GetProperty("queries").EnumerateArray().ShouldAllBe(q => q.GetProperty("error").ValueKind == JsonValueKind.Null);
        Directory.Exists(Path.Combine(bundle, "input")).ShouldBeFalse("the blobs are deleted unless --keep-blobs");
    }

    [Fact]
    public async Task Control_run_streaming_from_the_start_does_not_support_the_hypothesis()
    {
        using var run = new TempDirectory();
        var bundle = run.Combine("bundle");

        var result = await OomLabCli.RunAsync(["lab", "--variant", "stream", "--out", bundle], timeout: TimeSpan.FromMinutes(6));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Final verdict: Hypothesis not supported.");
        using var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "verdict.json")));
        var disproof = verdict.RootElement.GetProperty("disproof").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("holds").GetBoolean());
        disproof["D2"].ShouldBeTrue("Private Bytes stays out of the critical band when streaming");
        using var telemetry = new TelemetryDb(Path.Combine(bundle, ".oomlab", "telemetry.db"));
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%'").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM exceptions").ShouldBe(0);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_run_cleanly_keeps_what_it_has_and_says_where()
    {
        using var run = new TempDirectory();
        var bundle = run.Combine("bundle");
        using var lab = OomLabCli.Start(["lab", "--out", bundle]);
        var stdout = lab.StandardOutput.ReadToEndAsync();
        var stderr = lab.StandardError.ReadToEndAsync();
        var telemetryPath = Path.Combine(bundle, ".oomlab", "telemetry.db");
        for (var i = 0; i < 600 && !File.Exists(telemetryPath); i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", lab.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await lab.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        lab.ExitCode.ShouldBe(130, await stdout);
        var error = await stderr;
        error.ShouldContain("interrupted");
        error.ShouldContain(bundle);
        error.ShouldNotContain("   at ");
        File.Exists(telemetryPath).ShouldBeTrue();
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "settings.json")));
        settings.RootElement.GetProperty("status").GetString().ShouldBe("interrupted");
        using var telemetry = new TelemetryDb(telemetryPath);
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Host started%'").ShouldBeGreaterThan(0);
    }

    private static List<DateTime> Times(TelemetryDb db, string sql) =>
        [.. db.Strings(sql).Select(t => new DateTime(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc))];
}
