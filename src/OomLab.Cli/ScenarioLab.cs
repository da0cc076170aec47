using System.Globalization;
using OomLab.Lab;
using OomLab.Cli.Commands;
using OomLab.Lab.Bundle;
using OomLab.Lab.Scenarios;
using Spectre.Console;

namespace OomLab.Cli;

/// <summary>
/// <c>oomlab lab --scenario &lt;name&gt;</c>: runs one lab scenario (a playbook hypothesis or the control), writes
/// its bundle (<c>scenario.json</c>, <c>.oomlab/telemetry.db</c>) and prints a short summary.
/// </summary>
internal static class ScenarioLab
{
    /// <summary>What the command line asked for.</summary>
    internal sealed record Request(
        string? Scenario, bool VariantGiven, string? Scale, string? Plan, string? Ceiling, int Seed, string? OutDirectory, string AppName,
        DateTimeOffset T0, IReadOnlyList<string> Settings, bool NoRemediation, string? App = null, string? Function = null, string? FixFunction = null,
        bool Python = false);

    public static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var scenario = Resolve(request);
        var overrides = CommonOptions.ParseSettings(request.Settings).ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.Ordinal);
        var now = TimeProvider.System.GetLocalNow();
        var (workerCommand, prefix) = WorkerLaunch.Current();
        var options = new ScenarioOptions(
            request.OutDirectory ?? Path.Combine("lab-runs", now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + scenario.Name), scenario)
        {
            AppName = request.AppName,
            Seed = request.Seed,
            T0 = request.T0,
            SettingOverrides = overrides,
            NoRemediation = request.NoRemediation,
            App = UserApp(request),
            FunctionsAssembly = Commands.WorkerCommand.DefaultFunctionsAssembly,
            WorkerCommand = workerCommand,
            WorkerCommandPrefix = prefix,
        };

        // Bad settings are refused before anything starts.
        foreach (var deployment in options.Deployments)
        {
            OomLab.Configuration.HostSettingsLoader.Load(null, new Dictionary<string, string?>(), deployment.AppSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        }

        var runner = new LabRunner(options);
        LabProvisioning.Prepare(options.OutDirectory);
        RunBundle.ForScenario(options, "running").Write(options.OutDirectory, RunBundle.ScenarioFileName);
        var console = CliConsole.Out;
        console.MarkupLine($"[bold]oomlab lab --scenario {Markup.Escape(scenario.Name)}[/] ({Markup.Escape(scenario.Hypothesis)}): {Markup.Escape(scenario.Story)}");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling {scenario.Ceiling.Description}, lab clock from {options.T0:yyyy-MM-dd HH:mm:ss}Z compressed {scenario.Compression}x ({scenario.End.TotalMinutes:0} lab minutes in {scenario.End.TotalSeconds / scenario.Compression:0} s)"));
        console.MarkupLine($"run folder: {Markup.Escape(options.OutDirectory)}");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            RunBundle.ForScenario(options, "interrupted", runner.Counters).Write(options.OutDirectory, RunBundle.ScenarioFileName);
            CommandRunner.WriteError($"interrupted: the partial run is kept in {options.OutDirectory}");
            return CommandRunner.Interrupted;
        }

        RunBundle.ForScenario(options, "completed", runner.Counters).Write(options.OutDirectory, RunBundle.ScenarioFileName);
        foreach (var container in new[] { options.InputContainer, "output" }.Concat(options.Deployments.Select((_, i) => options.App?.At(i).Function.OutputContainer).OfType<string>()).Distinct())
        {
            var path = Path.Combine(options.OutDirectory, container);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        Print(console, runner, scenario, options, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        try
        {
            ReportCommand.Print(Report.ReportWriter.Write(options.OutDirectory));
        }
        catch (OomLabException ex)
        {
            // The bundle is written: a report that cannot be is worth a message, not a failed run.
            CommandRunner.WriteError($"report not written: {ex.Message}");
        }

        return 0;
    }

    /// <summary>The user's app of <c>--app</c>: <c>--function</c> for the faulty deployment, <c>--fix-function</c> (default the same) for the remediation.</summary>
    private static LabApp? UserApp(Request request)
    {
        if (request.Python)
        {
            return request.App is not null || request.Function is not null || request.FixFunction is not null
                ? throw new OomLabException("--runtime python runs the seed's own Python apps: it cannot be combined with --app, --function or --fix-function")
                : PythonTwins.For(request.Scenario!)
                    ?? throw new OomLabException($"--runtime python: the scenario \"{request.Scenario}\" has no Python twin yet; those that have: {string.Join(", ", PythonTwins.Names)}");
        }

        if (request.App is null)
        {
            return request.Function is null && request.FixFunction is null
                ? null
                : throw new OomLabException("--function and --fix-function choose functions of a function app: give it with --app");
        }

        var app = OomLab.Workers.Rpc.FunctionApp.Load(request.App);
        var faulty = app.Select(request.Function);
        return new LabApp(app, faulty, request.FixFunction is null ? faulty : app.Select(request.FixFunction));
    }

    private static LabScenario Resolve(Request request)
    {
        if (request.Scenario is null)
        {
            throw new OomLabException("--setting and --no-remediation apply to scenario runs: add --scenario <name>");
        }

        if (request.VariantGiven)
        {
            throw new OomLabException("--scenario and --variant cannot be combined: --variant chooses the seed lab's first deployment, a scenario has its own");
        }

        // --scale small is the scenario's own scale (and the default): only another scale is refused.
        if (request.Scale is { } scale && scale != "small")
        {
            throw new OomLabException("--scenario runs on the small scale only: use --plan or --ceiling to change its ceiling");
        }

        var ceiling = request.Plan is not null || request.Ceiling is not null
            ? CommonOptions.ResolveCeiling(request.Plan, request.Ceiling)
            : ScenarioCatalog.DefaultCeiling;
        return ScenarioCatalog.TryCreate(request.Scenario, ceiling, out var scenario)
            ? scenario
            : throw new OomLabException($"--scenario \"{request.Scenario}\": unknown scenario; expected one of {string.Join(", ", ScenarioCatalog.Names)}");
    }

    private static void Print(IAnsiConsole console, LabRunner runner, LabScenario scenario, ScenarioOptions options, TimeSpan wall)
    {
        var tally = runner.Tally;
        console.MarkupLine($"scenario: {Markup.Escape(scenario.Name)}");
        console.MarkupLine($"hypothesis reproduced: {Markup.Escape(scenario.Hypothesis)}");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"worker exits with code 137: {tally.Exits137}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"out-of-memory exceptions (OutOfMemoryException, MemoryError): {tally.OutOfMemoryExceptions}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"requests: {tally.Requests} ({tally.FailedRequests} failed)"));
        for (var i = 0; i < runner.Deployments.Count; i++)
        {
            var deployment = runner.Deployments[i];
            var ceiling = runner.CeilingOf(deployment);
            var peak = tally.Peaks[i];
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"peak memory: {100.0 * peak / ceiling.Bytes:0} % of the ceiling ({OomLab.Memory.MemoryText.Format(peak)} of {OomLab.Memory.MemoryText.Format(ceiling.Bytes)}) under {Markup.Escape(deployment.Function)} {Markup.Escape(Describe(deployment))}"));
        }

        console.MarkupLine($"bundle: {Markup.Escape(options.OutDirectory)} ({RunBundle.ScenarioFileName}, .oomlab/telemetry.db)");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]wall time {wall.TotalSeconds:0.0} s[/]"));
    }

    private static string Describe(LabDeployment deployment) =>
        string.Create(CultureInfo.InvariantCulture,
            $"(batch {deployment.AppSettings.GetValueOrDefault("BLOB_BATCH_SIZE", "?")}, concurrency {deployment.AppSettings.GetValueOrDefault("MAX_CONCURRENT_INVOCATIONS", "?")})");
}
