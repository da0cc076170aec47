using OomLab.Lab;
using Spectre.Console;

namespace OomLab.Cli;

/// <summary>Prints a finished lab run: the verdict table, the criteria, the expected-evidence tables and the final verdict.</summary>
internal static class LabSummary
{
    public static void Print(IAnsiConsole console, LabReport report)
    {
        var verdict = report.Verdict;
        var table = new Table().Title("Hypothesis verdict").AddColumns("Criterion", "Verdict", "Evidence");
        foreach (var (criterion, result, evidence) in verdict.Table(report.Measurements))
        {
            table.AddRow(Markup.Escape(criterion), result == "Supported" ? "[green]Supported[/]" : "[red]Not supported[/]", Markup.Escape(evidence));
        }

        console.Write(table);
        var criteria = new Table().Title("Proof and disproof criteria").AddColumns("", "Criterion", "Holds", "Evidence");
        foreach (var c in verdict.Proof.Concat(verdict.Disproof))
        {
            criteria.AddRow(c.Id, Markup.Escape(c.Statement), c.Holds ? "yes" : "no", Markup.Escape(c.Evidence));
        }

        console.Write(criteria);
        foreach (var stage in report.Expected.GroupBy(e => e.Stage))
        {
            var expected = new Table().Title($"Expected evidence: {stage.Key}").AddColumns("Signal", "Seed expects", "Expected here", "Measured", "");
            foreach (var row in stage)
            {
                expected.AddRow(Markup.Escape(row.Signal), Markup.Escape(row.SeedExpected), Markup.Escape(row.ExpectedHere), Markup.Escape(row.Measured), row.Holds ? "[green]ok[/]" : "[red]off[/]");
            }

            console.Write(expected);
        }

        foreach (var error in verdict.QueryErrors)
        {
            console.MarkupLine($"[red]query failed:[/] {Markup.Escape(error)}");
        }

        console.MarkupLine($"evidence: {Markup.Escape(report.EvidenceDirectory)} (kql-session.json, timeline.csv), {Markup.Escape(Path.Combine(report.Options.OutDirectory, "verdict.json"))}");
        console.MarkupLine(verdict.Supported ? $"[bold green]{verdict.FinalVerdict}[/]" : $"[bold yellow]{verdict.FinalVerdict}[/]");
    }
}
