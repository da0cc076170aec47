using System.CommandLine;
using System.Globalization;
using OomLab.Report;
using Spectre.Console;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab report &lt;bundle or telemetry.db&gt; [more stores...] [--out report.html]</c>: writes one self-contained HTML file
/// (inline SVG charts, no script, no network) with memory against the plan's bands, requests, dependencies,
/// the phases, the verdict, the diagnosis and every query of the bundle.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var source = new Argument<string[]>("source")
        {
            Description = "A lab or scenario bundle folder, a telemetry.db file, or a folder of stores (every telemetry.db under it and *.db in it). More stores after it (one per instance) are read with its own as one.",
            HelpName = "bundle|telemetry.db",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Where to write the report (default: report.html in the first source's bundle or folder, or beside its telemetry file).",
            HelpName = "FILE",
        };
        var command = new Command("report", "Write one self-contained HTML report with charts of a run: memory, requests, phases, verdict, diagnosis, queries.")
        {
            source, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ =>
            {
                var written = ReportWriter.Write(parse.GetValue(source)!, parse.GetValue(output));
                Print(written);
                return Task.FromResult(0);
            },
            cancellationToken));
        return command;
    }

    /// <summary>Prints where the report went, its size and how long it took.</summary>
    public static void Print(ReportWritten written)
    {
        ArgumentNullException.ThrowIfNull(written);
        CliConsole.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"report: {Markup.Escape(written.Path)} ({written.Bytes / 1024.0:0.#} KiB, {written.Elapsed.TotalMilliseconds:0} ms)"));
    }
}
