using System.Globalization;
using OomLab.Playbook;
using Spectre.Console;

namespace OomLab.Cli;

/// <summary>Prints a diagnosis for people: conclusion, flow path, severity, hypotheses with evidence, misreadings, mitigations.</summary>
internal static class DiagnosisView
{
    public static void Write(IAnsiConsole console, Diagnosis d)
    {
        console.MarkupLine($"[bold]{Markup.Escape(d.Playbook)}[/]  ({Markup.Escape(d.PlaybookSource)})");
        console.MarkupLine($"telemetry {Time(d.TelemetryStart)} .. {Time(d.TelemetryEnd)}, now = {Time(d.Now)}, ceiling {Markup.Escape(d.Ceiling)}");
        console.WriteLine();
        console.MarkupLine($"[bold]Conclusion:[/] {Markup.Escape(d.Conclusion)}");
        console.MarkupLine(d.Severity is { } s
            ? $"[bold]Severity:[/] [red]{s.Level}[/] — {Markup.Escape(s.Condition)}. {Markup.Escape(s.Action)}. (rule: {Markup.Escape(s.Rule)})"
            : "[bold]Severity:[/] none (no memory incident)");

        console.WriteLine();
        console.MarkupLine("[bold]Decision flow[/]");
        foreach (var step in d.Path)
        {
            var answer = step.Answer is { } a ? (a ? " → yes" : " → no") : string.Empty;
            var rule = step.Rule is null ? string.Empty : $"  [grey]({Markup.Escape(step.Rule)})[/]";
            console.MarkupLine($"  {step.NodeId}  {Markup.Escape(step.Text)}{answer}{rule}");
        }

        console.WriteLine();
        var ranking = new Table().Title("Hypotheses, ranked").AddColumns("#", "id", "status", "score", "hypothesis", "why");
        foreach (var (h, i) in d.Hypotheses.Select((h, i) => (h, i)))
        {
            ranking.AddRow(
                Text((i + 1).ToString(CultureInfo.InvariantCulture)), Text(h.Definition.Id), Status(h.Status),
                Text(h.Score.ToString("0", CultureInfo.InvariantCulture)), Text(h.Definition.Title), Text(h.Reason));
        }

        console.Write(ranking);
        foreach (var h in d.Hypotheses)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{h.Definition.Id}[/] {Markup.Escape(h.Definition.Title)}: {Markup.Escape(HypothesisStatusText.Of(h.Status))}");
            console.MarkupLine($"  confirm:  {Markup.Escape(h.Definition.Confirm.Value)}");
            console.MarkupLine($"  disprove: {Markup.Escape(h.Definition.Disprove.Value)}");
            console.MarkupLine($"  evidence: {h.Evidence.TotalRows} rows from");
            console.WriteLine(Indent(h.Query));
            if (h.Evidence.Rows.Count > 0)
            {
                var table = new Table().AddColumns(h.Evidence.Columns.Select(c => new TableColumn(Markup.Escape(c))).ToArray());
                foreach (var row in h.Evidence.Rows)
                {
                    table.AddRow(row.Select(v => Text(v.Length > 120 ? v[..117] + "..." : v)).ToArray());
                }

                console.Write(table);
            }
        }

        if (d.Misreadings.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Misreadings that apply[/]");
            foreach (var m in d.Misreadings)
            {
                console.MarkupLine($"  \"{Markup.Escape(m.Definition.Misreading)}\": {Markup.Escape(m.Definition.WhyIncorrect)}. {Markup.Escape(m.Definition.Correct)}.");
            }
        }

        WriteMitigations(console, d);
        console.WriteLine();
        var signals = new Table().Title("Signals").AddColumns("signal", "value", "what it measures");
        foreach (var v in d.Signals)
        {
            signals.AddRow(Text(v.Name), Text(Format(v.Value)), Text(v.Description));
        }

        console.Write(signals);
    }

    private static void WriteMitigations(IAnsiConsole console, Diagnosis d)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Mitigations[/]");
        foreach (var m in d.Mitigations)
        {
            console.MarkupLine($"  - [bold]{Markup.Escape(m.Title)}[/]: {Markup.Escape(m.Text)}");
        }

        if (!d.MemoryIsCause)
        {
            return;
        }

        var plan = d.Plan;
        console.WriteLine();
        console.MarkupLine($"[bold]Per-invocation memory:[/] {Markup.Escape(plan.Estimator)}");
        console.MarkupLine(plan.SafeConcurrency switch
        {
            null => "[bold]Safe concurrency:[/] unknown (no estimate)",
            0 => $"[bold]Safe concurrency:[/] no concurrency is safe: even one invocation exceeds {plan.TargetFraction:P0} of the ceiling; stream / guard / scale to {Markup.Escape(plan.ScalePlan)}",
            { } n => $"[bold]Safe concurrency:[/] MAX_CONCURRENT_INVOCATIONS={n} keeps the instance under {plan.TargetFraction:P0} of {Markup.Escape(plan.Ceiling)}",
        });
        if (plan.PayloadGuardBytes is { } guard)
        {
            console.MarkupLine($"[bold]Payload guard:[/] PAYLOAD_GUARD_MAX_BYTES={guard} ({Markup.Escape(MitigationCalculatorText(guard))})");
        }

        console.MarkupLine($"[bold]Scale to:[/] {Markup.Escape(plan.ScalePlan)}");
        console.MarkupLine("[bold]host.json[/]");
        console.WriteLine(plan.HostJson);
        console.MarkupLine("[bold]App settings[/]");
        console.WriteLine("az functionapp config appsettings set --name $APP_NAME --resource-group $RG --settings " +
            string.Join(" ", plan.AppSettings.Select(p => $"\"{p.Key}={p.Value}\"")) + " --output table");
        console.MarkupLine("[bold]Prevention alerts[/] (75 / 85 / 95 % of the ceiling)");
        foreach (var alert in plan.Alerts)
        {
            console.WriteLine(alert.Query);
            console.WriteLine();
        }
    }

    private static string MitigationCalculatorText(long bytes) => Memory.MemoryText.Format(bytes);

    private static Markup Status(HypothesisStatus status) => new(status switch
    {
        HypothesisStatus.Supported => "[green]supported[/]",
        HypothesisStatus.Weakened => "[yellow]weakened[/]",
        HypothesisStatus.NotEnoughData => "[grey]not enough data[/]",
        _ => "[red]disproved[/]",
    });

    private static Text Text(string value) => new(value);

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "      " + l));

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
