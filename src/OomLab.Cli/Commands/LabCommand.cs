using System.CommandLine;
using System.Globalization;
using OomLab.Lab;
using Spectre.Console;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab lab</c>: runs the seed lab end to end (baseline, load 1, load 2, incident, remediation,
/// recovery) on one machine, then judges the hypothesis with the seed's own queries and writes the
/// evidence bundle. Exit 0 when the run completed, whatever the verdict (it is in <c>verdict.json</c>);
/// 2 for bad input; 130 when interrupted (the partial run is kept).
/// </summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var scale = new Option<string>("--scale") { Description = "Preset: small (EP1/16, about 3 minutes) or full (EP1, full blob sizes).", DefaultValueFactory = _ => "small" };
        scale.AcceptOnlyFromAmong("small", "full");
        var plan = new Option<string?>("--plan") { Description = "Use this plan's ceiling instead of the preset's; blob sizes scale with it." };
        var ceiling = CommonOptions.Ceiling();
        var seed = new Option<int>("--seed") { Description = "Makes the load repeatable.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "The run's folder (default: a new folder under ./lab-runs/)." };
        var appName = new Option<string>("--app-name") { Description = "The app's name in telemetry.", DefaultValueFactory = _ => "func-oom-lab-001" };
        var t0 = new Option<string>("--t0") { Description = "Lab clock start: a UTC time such as \"2026-04-05 01:30:00Z\" (the seed's, default) or now.", DefaultValueFactory = _ => "2026-04-05 01:30:00Z" };
        var variant = new Option<string>("--variant") { Description = "buffer (the seed's failing deployment) or stream (a control run that must not support the hypothesis).", DefaultValueFactory = _ => "buffer" };
        variant.AcceptOnlyFromAmong("buffer", "stream");
        var runtime = new Option<string>("--runtime") { Description = "dotnet (oomlab's C# sample functions, the default) or python (the seed's own Python apps; docs/LAB.md).", DefaultValueFactory = _ => "dotnet" };
        runtime.AcceptOnlyFromAmong("python", "dotnet");
        var keepBlobs = new Option<bool>("--keep-blobs") { Description = "Keep the input and output blobs after the run (several GiB); by default only telemetry and evidence are kept." };
        var scenario = new Option<string?>("--scenario") { Description = $"Run a lab scenario instead of the seed lab (about 30 s): {string.Join(", ", Lab.Scenarios.ScenarioCatalog.Names)}." };
        var settings = CommonOptions.Settings();
        settings.Description = "With --scenario: an app setting KEY=VALUE (repeatable) for the scenario's first (faulty) deployment, e.g. MAX_CONCURRENT_INVOCATIONS=2.";
        var noRemediation = new Option<bool>("--no-remediation") { Description = "With --scenario: keep the faulty deployment to the end (no remediation or scale-up)." };

        var app = new Option<DirectoryInfo?>("--app") { Description = "With --scenario: run it on your function app's build output (a .NET isolated app) instead of the sample functions." };
        var function = new Option<string?>("--function") { Description = "With --app: the app's function for the faulty deployment (default: its only blob-triggered function)." };
        var fixFunction = new Option<string?>("--fix-function") { Description = "With --app: the app's function for the remediation (default: the same function, at the remediation's settings)." };
        var admission = new Option<string?>("--admission") { Description = "Memory-aware admission for the lab's hosts: predictive or off (default, so the lab reproduces production)." };
        var command = new Command("lab", "Reproduce the seed's OOM crash loop end to end, prove the fix, and return a verdict.")
        {
            scale, plan, ceiling, seed, output, appName, t0, variant, runtime, keepBlobs, scenario, settings, noRemediation, app, function, fixFunction, admission,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => parse.GetValue(scenario) is { } name || parse.GetValue(settings) is { Length: > 0 } || parse.GetValue(noRemediation) || parse.GetValue(app) is not null
                ? ScenarioLab.RunAsync(
                    new ScenarioLab.Request(
                        parse.GetValue(scenario), Explicit(parse, variant), Explicit(parse, scale) ? parse.GetValue(scale) : null, parse.GetValue(plan), parse.GetValue(ceiling), parse.GetValue(seed),
                        parse.GetValue(output)?.FullName, parse.GetValue(appName)!, ParseT0(parse.GetValue(t0)!, TimeProvider.System.GetLocalNow()),
                        parse.GetValue(settings) ?? [], parse.GetValue(noRemediation),
                        parse.GetValue(app)?.FullName, parse.GetValue(function), parse.GetValue(fixFunction),
                        Explicit(parse, runtime) && parse.GetValue(runtime) == "python"),
                    ct)
                : RunAsync(
                parse.GetValue(scale)!, parse.GetValue(plan), parse.GetValue(ceiling), parse.GetValue(seed), parse.GetValue(output)?.FullName,
                parse.GetValue(appName)!, parse.GetValue(t0)!, parse.GetValue(variant)!, parse.GetValue(runtime)!, parse.GetValue(keepBlobs), parse.GetValue(admission), ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string scaleName, string? plan, string? ceiling, int seed, string? outDirectory, string appName, string t0Text, string variantName, string runtimeName, bool keepBlobs, string? admission, CancellationToken cancellationToken)
    {
        if (!LabScale.TryParse(scaleName, out var scale))
        {
            throw new OomLabException($"--scale \"{scaleName}\": expected small or full");
        }

        if (plan is not null || ceiling is not null)
        {
            scale = scale.WithCeiling(CommonOptions.ResolveCeiling(plan, ceiling));
        }

        var variant = variantName == "stream" ? LabVariant.Stream : LabVariant.Buffer;
        if (!LabRuntime.TryParse(runtimeName, out var labRuntime))
        {
            throw new OomLabException($"--runtime \"{runtimeName}\": expected python or dotnet");
        }

        var now = TimeProvider.System.GetLocalNow();
        var (workerCommand, prefix) = WorkerLaunch.Current();
        var options = new LabOptions(outDirectory ?? Path.Combine("lab-runs", now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + variantName), scale)
        {
            AppName = appName,
            Seed = seed,
            T0 = ParseT0(t0Text, now),
            Variant = variant,
            Runtime = labRuntime,
            App = labRuntime == LabRuntime.Python ? SeedApps.For(variant) : null,
            KeepBlobs = keepBlobs,
            Admission = Hosting.Admission.AdmissionSettingsLoader.Load(null, admission),
            FunctionsAssembly = WorkerCommand.DefaultFunctionsAssembly,
            WorkerCommand = workerCommand,
            WorkerCommandPrefix = prefix,
        };

        var runner = new LabRunner(options);
        LabProvisioning.Prepare(options.OutDirectory);
        LabBundle.WriteSettings(options, "running");
        var console = CliConsole.Out;
        console.MarkupLine($"[bold]oomlab lab[/] {Markup.Escape(appName)}: {Markup.Escape(scale.Name)} scale, ceiling {Markup.Escape(scale.Ceiling.Description)}, {variantName} variant, {Markup.Escape(labRuntime.Name)} apps");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"lab clock from {options.T0:yyyy-MM-dd HH:mm:ss}Z, compressed {scale.Compression}x: each 15-minute phase takes {15 * 60 / scale.Compression:0} s; request durations are real"));
        console.MarkupLine($"run folder: {Markup.Escape(options.OutDirectory)}");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await LabView.RunAsync(runner, console, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LabBundle.WriteSettings(options, "interrupted");
            CommandRunner.WriteError($"interrupted: the partial run (telemetry, containers, settings) is kept in {options.OutDirectory}");
            return CommandRunner.Interrupted;
        }

        var report = LabReport.Evaluate(options, runner.Layout.TelemetryPath);
        LabBundle.Write(report);
        LabBundle.WriteSettings(options, "completed");
        if (!keepBlobs)
        {
            LabBundle.DeleteBlobs(options);
        }

        LabSummary.Print(console, report);
        try
        {
            ReportCommand.Print(Report.ReportWriter.Write(options.OutDirectory));
        }
        catch (OomLabException ex)
        {
            // The verdict and the evidence are written: a report that cannot be is worth a message, not a failed run.
            CommandRunner.WriteError($"report not written: {ex.Message}");
        }
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[grey]wall time {wall.TotalSeconds:0.0} s, of which writing the load {runner.LoadGenerationTime.TotalSeconds:0.0} s ({runner.BlobsWritten} blobs)[/]"));
        return 0;
    }

    private static bool Explicit(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static DateTimeOffset ParseT0(string text, DateTimeOffset now)
    {
        if (string.Equals(text.Trim(), "now", StringComparison.OrdinalIgnoreCase))
        {
            return now.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t0)
            ? t0
            : throw new OomLabException($"--t0 \"{text}\": expected a UTC time such as \"2026-04-05 01:30:00Z\", or now");
    }
}
