using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>
/// <c>oomlab lab --scenario h2-blob --app</c> (and h1-payload on an HTTP function): the scenario's load and timeline run on a user's real .NET isolated app
/// (tests/apps/IsolatedBlobApp) instead of the sample functions, and the playbook diagnoses the user's own incident.
/// </summary>
[Collection(LabRuns.Name)]
public sealed class UserAppScenarioTests
{
    [Fact]
    public async Task The_h2_scenario_runs_on_the_users_app_and_is_diagnosed_as_H2()
    {
        using var folder = new TempDirectory();
        var run = Path.Combine(folder.Path, "run");

        var lab = await OomLabCli.RunAsync(
            ["lab", "--scenario", "h2-blob", "--app", IsolatedApp.Directory, "--function", "ScanBuffered", "--out", run], timeout: TimeSpan.FromMinutes(3));

        lab.ExitCode.ShouldBe(0, lab.ToString());
        using (var bundle = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "scenario.json"))))
        {
            var deployments = bundle.RootElement.GetProperty("deployments").EnumerateArray().ToList();
            deployments.ShouldAllBe(d => d.GetProperty("function").GetString() == "ScanBuffered");
            deployments.ShouldAllBe(d => d.GetProperty("package").GetString() == "IsolatedBlobApp");
        }

        using (var telemetry = new TelemetryDb(Path.Combine(run, ".oomlab", "telemetry.db")))
        {
            telemetry.Count("SELECT count(*) FROM traces WHERE message = 'dotnet exited with code 137 (0x89)'").ShouldBeGreaterThan(0);
            telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBeGreaterThan(0);
            telemetry.Count("SELECT count(*) FROM requests WHERE name = 'ScanBuffered'").ShouldBeGreaterThan(0);
            telemetry.Count("SELECT count(*) FROM AppMetrics WHERE Name = 'PrivateBytes'").ShouldBeGreaterThan(0);
        }

        var diagnosis = await OomLabCli.RunAsync("diagnose", run, "--format", "json");
        diagnosis.ExitCode.ShouldBe(0, diagnosis.ToString());
        using var json = JsonDocument.Parse(diagnosis.Stdout);
        var first = json.RootElement.GetProperty("hypotheses").EnumerateArray().First();
        first.GetProperty("id").GetString().ShouldBe("H2");
        first.GetProperty("status").GetString().ShouldBe("supported");
    }

    [Fact]
    public async Task The_h1_scenario_runs_on_the_users_HTTP_function_and_is_diagnosed_as_H1()
    {
        using var folder = new TempDirectory();
        var run = Path.Combine(folder.Path, "run");

        var lab = await OomLabCli.RunAsync(
            ["lab", "--scenario", "h1-payload", "--app", IsolatedApp.Directory, "--function", "HashUpload", "--out", run], timeout: TimeSpan.FromMinutes(3));

        lab.ExitCode.ShouldBe(0, lab.ToString());
        using (var telemetry = new TelemetryDb(Path.Combine(run, ".oomlab", "telemetry.db")))
        {
            telemetry.Count("SELECT count(*) FROM traces WHERE message = 'dotnet exited with code 137 (0x89)'").ShouldBeGreaterThan(0);
            telemetry.Count("SELECT count(*) FROM requests WHERE name = 'HashUpload' AND success = 1").ShouldBeGreaterThan(0);
            telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBe(0);
        }

        var diagnosis = await OomLabCli.RunAsync("diagnose", run, "--format", "json");
        diagnosis.ExitCode.ShouldBe(0, diagnosis.ToString());
        using var json = JsonDocument.Parse(diagnosis.Stdout);
        json.RootElement.GetProperty("hypotheses").EnumerateArray().First().GetProperty("id").GetString().ShouldBe("H1");
    }

    [Fact]
    public async Task A_blob_function_for_an_HTTP_scenario_is_refused_naming_the_apps_HTTP_functions()
    {
        var result = await OomLabCli.RunAsync("lab", "--scenario", "h1-payload", "--app", IsolatedApp.Directory, "--function", "ScanBuffered");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("is HTTP-triggered, but 'ScanBuffered'");
        result.ErrorText.ShouldContain("--function: HashUpload");
    }

    [Fact]
    public async Task A_function_without_an_app_is_refused_with_exit_2()
    {
        var result = await OomLabCli.RunAsync("lab", "--scenario", "h2-blob", "--function", "ScanBuffered");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("--app");
    }
}
