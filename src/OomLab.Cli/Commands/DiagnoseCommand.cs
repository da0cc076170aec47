using System.CommandLine;
using OomLab.Configuration;
using OomLab.Memory;
using OomLab.Playbook;
using OomLab.Telemetry;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab diagnose &lt;run folder | telemetry.db | folder of stores&gt;...</c>: walks the playbook over the telemetry (several
/// stores, one per instance, read as one) and prints the
/// decision-flow path, severity, ranked hypotheses with evidence, misreadings and mitigations with numbers.
/// Exit codes: 0 memory is the cause, 3 memory is not the cause (nothing found), 2 bad input.
/// </summary>
internal static class DiagnoseCommand
{
    /// <summary>Exit code when the diagnosis concludes that memory is the cause.</summary>
    public const int MemoryIsCause = 0;

    /// <summary>Exit code when memory is not the cause, or there is no incident in the telemetry.</summary>
    public const int NotMemory = 3;

    public static Command Create()
    {
        var telemetry = new Argument<string[]>("telemetry")
        {
            Description = "A lab run's folder, a host root, a telemetry.db (from oomlab import), or a folder of those (every telemetry.db under it and *.db in it). Several (one per instance of a scaled-out app) are read as one.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var print = new Option<bool>("--print-playbook") { Description = "Print the built-in playbook (to start a custom one from) and exit." };
        var playbook = new Option<string?>("--playbook") { Description = "A playbook YAML file to use instead of the built-in one (see docs/PLAYBOOK.md; --print-playbook shows the built-in one)." };
        // No default here, unlike the other verbs: the bundle's own ceiling wins unless a plan is named.
        var plan = new Option<string?>("--plan") { Description = $"The hosting plan whose memory ceiling applies ({string.Join(", ", Memory.Plan.All.Select(p => p.Name))}); default: the run's own ceiling." };
        var ceiling = CommonOptions.Ceiling();
        var now = new Option<string?>("--now") { Description = "\"now\" for ago() in the queries, e.g. 2026-04-05T03:00:00Z. Default: the latest timestamp in the telemetry." };
        var format = new Option<string>("--format") { Description = "Output: text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var rows = new Option<int>("--evidence-rows") { Description = "Evidence rows shown per hypothesis.", DefaultValueFactory = _ => DiagnosisOptions.DefaultEvidenceRowLimit };
        var command = new Command("diagnose", """
            Diagnose an out-of-memory incident from telemetry with the playbook: decision flow, severity, hypotheses H1-H6 ranked with evidence, misreadings, mitigations with numbers.
            The ceiling comes from the run's scenario.json or settings.json, else --plan or --ceiling.
            Exit codes: 0 memory is the cause; 3 memory is not the cause (or no incident); 2 bad input (telemetry, playbook, option).
            """)
        {
            telemetry, playbook, plan, ceiling, now, format, rows, print,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => Task.FromResult(parse.GetValue(print) ? PrintPlaybook() : Run(
                parse.GetValue(telemetry) is { Length: > 0 } given ? given : throw new OomLabException("diagnose: give the telemetry to diagnose (a lab run's folder, a telemetry.db, or a folder of stores)"), parse.GetValue(playbook),
                parse.GetValue(plan), parse.GetValue(ceiling),
                parse.GetValue(now), parse.GetValue(format) ?? "text", parse.GetValue(rows), ct)),
            cancellationToken));
        return command;
    }

    private static int PrintPlaybook()
    {
        Console.Out.Write(PlaybookLoader.BuiltInText());
        return 0;
    }

    private static int Run(string[] locations, string? playbookPath, string? plan, string? ceiling, string? nowText, string format, int evidenceRows, CancellationToken cancellationToken)
    {
        DateTimeOffset? now = null;
        if (nowText is not null)
        {
            now = DateTimeOffset.TryParse(nowText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new OomLabException($"--now \"{nowText}\": not a date and time; expected e.g. 2026-04-05T03:00:00Z");
        }

        if (evidenceRows < 0)
        {
            throw new OomLabException($"--evidence-rows {evidenceRows}: must be 0 or more");
        }

        DiagnoseTimings.Mark("start-up");
        var stores = TelemetryLocation.ResolveAll(locations, "diagnose");
        using var tables = TelemetryTableSource.Open(stores);

        // The playbook loads on the other core while this one surveys the telemetry.
        var loading = Task.Run(() => playbookPath is null ? PlaybookLoader.BuiltIn() : PlaybookLoader.LoadFile(playbookPath), cancellationToken);
        var survey = Diagnoser.SurveyAhead(tables, cancellationToken);
        var definition = loading.GetAwaiter().GetResult();
        DiagnoseTimings.Mark("playbook loaded");
        var (ceilingBytes, ceilingText, concurrency) = Ceiling(locations, stores, plan, ceiling);
        var options = new DiagnosisOptions(definition, ceilingBytes, ceilingText) { Now = now, ConfiguredConcurrency = concurrency, EvidenceRowLimit = evidenceRows };
        var diagnosis = Diagnoser.Run(tables, options, survey, cancellationToken);
        DiagnoseTimings.Mark("diagnosis");
        var exitCode = diagnosis.MemoryIsCause ? MemoryIsCause : NotMemory;
        var json = DiagnosisJson.Write(diagnosis, exitCode);
        if (format == "json")
        {
            Console.Out.WriteLine(json);
        }
        else
        {
            DiagnosisView.Write(CliConsole.Out, diagnosis);
        }

        // One folder (a run, or a folder of stores) keeps its diagnosis; several locations have no one place for it.
        if (locations is [var folder] && Directory.Exists(folder))
        {
            WriteIntoRun(folder, json, printReport: format != "json", tables);
        }

        DiagnoseTimings.Mark("output (and the run's report)");

        return exitCode;
    }

    /// <summary>A run's folder keeps its diagnosis (diagnosis.json) and gets a report that shows it.</summary>
    private static void WriteIntoRun(string folder, string json, bool printReport, TelemetryTableSource tables)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "diagnosis.json"), json);
            var written = Report.ReportWriter.Write(folder, telemetry: tables);
            if (printReport)
            {
                ReportCommand.Print(written);
            }
        }
        catch (Exception ex) when (ex is OomLabException or IOException or UnauthorizedAccessException)
        {
            // The diagnosis is printed: a report that cannot be written is worth a message, not a failed diagnosis.
            CommandRunner.WriteError($"report not written: {ex.Message}");
        }
    }

    /// <summary>The ceiling: --ceiling, else --plan, else that of the first run folder (of the locations given, then of the stores) that knows one.</summary>
    private static (long Bytes, string Text, long? Concurrency) Ceiling(IReadOnlyList<string> locations, IReadOnlyList<string> stores, string? plan, string? ceiling)
    {
        var bundle = locations.Concat(stores).Select(BundleSettings.Read).FirstOrDefault(b => b.CeilingBytes is not null) ?? BundleSettings.Read(locations[0]);
        if (!string.IsNullOrWhiteSpace(ceiling))
        {
            if (!ByteSize.TryParse(ceiling, out var size, out var error) || size.Bytes <= 0)
            {
                throw new OomLabException($"--ceiling \"{ceiling}\": {(size.Bytes <= 0 && error.Length == 0 ? "the ceiling must be larger than zero" : error)}");
            }

            return (size.Bytes, $"custom {MemoryText.Format(size.Bytes)}", bundle.ConfiguredConcurrency);
        }

        if (plan is not null)
        {
            return Memory.Plan.TryParse(plan, out var preset)
                ? (preset.Bytes, preset.ToString(), bundle.ConfiguredConcurrency)
                : throw new OomLabException($"--plan \"{plan}\": unknown plan; expected one of {string.Join(", ", Memory.Plan.All.Select(p => p.Name))}");
        }

        return bundle.CeilingBytes is { } bytes
            ? (bytes, bundle.Ceiling ?? $"custom {MemoryText.Format(bytes)}", bundle.ConfiguredConcurrency)
            : throw new OomLabException($"{string.Join(", ", locations)}: no memory ceiling known (no scenario.json or settings.json with one); give --plan (e.g. EP1) or --ceiling (e.g. 3.5GiB)");
    }
}
