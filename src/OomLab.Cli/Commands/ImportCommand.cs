using System.CommandLine;
using OomLab.Telemetry;
using OomLab.Telemetry.Import;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab import &lt;files...&gt; --out &lt;dir | file.db&gt;</c>: Application Insights exports (REST JSON, az CLI
/// arrays, diagnostic-settings records and JSON lines, the portal's CSV, gzipped or not) into a telemetry store that
/// <c>oomlab diagnose</c> and <c>oomlab query --telemetry</c> read. Streams: memory stays bounded. See docs/IMPORT.md.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Exports: REST or az CLI JSON, diagnostic-settings records or JSON lines, the portal's CSV; gzipped or not (requests.json, PT1H.json, query_data.csv.gz, ...). Each file is imported whole or not at all.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The store: a folder (its .oomlab/telemetry.db) or a .db file. Rows are appended.", Required = true };
        var table = new Option<string?>("--table") { Description = "The table the files hold (requests, AppRequests, traces, AppTraces, FunctionAppLogs, AppMetrics, ... or a name of your own). Default: each row's Type or category, else the table named in the file, else the file name, else the table whose columns match." };
        var command = new Command("import", "Import Application Insights / Log Analytics exports (JSON, JSON lines, CSV, gzip) into a telemetry store for diagnose and query; every column is kept.") { files, output, table };
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
            if (result.Tables.Count == 0)
            {
                Console.Out.WriteLine($"{file}: no rows");
            }

            foreach (var imported in result.Tables)
            {
                var added = imported.AddedColumns.Count == 0 ? string.Empty : $" (columns added to {imported.Table}: {string.Join(", ", imported.AddedColumns)})";
                Console.Out.WriteLine($"{file}: {imported.Rows} rows into {imported.Table}{added}");
            }

            foreach (var note in result.CopyNotes)
            {
                Console.Error.WriteLine($"{file}: {note}");
            }
        }

        Console.Out.WriteLine($"store: {Path.GetFullPath(store)}");
        return 0;
    }
}
