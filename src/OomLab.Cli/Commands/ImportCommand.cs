using System.CommandLine;
using OomLab.Telemetry;
using OomLab.Telemetry.Import;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab import &lt;files...&gt; --out &lt;dir | file.db&gt;</c>: Application Insights exports (REST JSON,
/// <c>az monitor app-insights query -o json</c>, <c>az monitor log-analytics query -o json</c>) into a telemetry
/// store that <c>oomlab diagnose</c> and <c>oomlab query --telemetry</c> read. Streams: memory stays bounded.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSON exports, one table each (requests.json, traces.json, ...).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The store: a folder (its .oomlab/telemetry.db) or a .db file. Rows are appended.", Required = true };
        var table = new Option<string?>("--table") { Description = "The table the files hold (requests, dependencies, traces, exceptions, performanceCounters, customMetrics, FunctionAppLogs, AppMetrics). Default: the table named in the file, else the file name, else the table whose columns match." };
        var command = new Command("import", "Import Application Insights / Log Analytics JSON exports into a telemetry store for diagnose and query.") { files, output, table };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => Task.FromResult(Run(parse.GetValue(files) ?? [], parse.GetValue(output)!, parse.GetValue(table), ct)),
            cancellationToken));
        return command;
    }

    private static int Run(string[] files, string output, string? table, CancellationToken cancellationToken)
    {
        var store = output.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? output : Path.Combine(output, ".oomlab", TelemetryLocation.FileName);
        foreach (var file in files)
        {
            var result = TelemetryImporter.Import(file, table, store, cancellationToken);
            var ignored = result.IgnoredColumns.Count == 0 ? string.Empty : $" (columns not in {result.Table}, skipped: {string.Join(", ", result.IgnoredColumns)})";
            Console.Out.WriteLine($"{file}: {result.Rows} rows into {result.Table}{ignored}");
            if (result.CopyNotWritten is { } note)
            {
                Console.Error.WriteLine($"{file}: {note}");
            }
        }

        Console.Out.WriteLine($"store: {Path.GetFullPath(store)}");
        return 0;
    }
}
