using System.CommandLine;
using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab query "&lt;KQL&gt;"</c> or <c>oomlab query -f file.kql</c> over tables given with
/// <c>--table name=path.csv|json</c> or telemetry stores given with <c>--telemetry</c> (several read as one); prints an aligned table, CSV, or the Application Insights REST JSON.
/// A bad query prints <c>source:line:col: error KQL0xx: message</c>, the line and a caret, and exits 2.
/// </summary>
internal static class QueryCommand
{
    /// <summary>Exit code for a query that does not parse, bind or fit the budget.</summary>
    public const int QueryError = 2;

    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "The KQL query text (or use -f).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file", "-f") { Description = "Read the query from a .kql file." };
        var tables = new Option<string[]>("--table", "-t")
        {
            Description = "A table for the query: name=path.csv or name=path.json (array of objects or the REST {\"tables\":[...]} shape); repeatable. Without name=, the file name is the table name.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "Output format: table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var telemetry = new Option<string[]>("--telemetry")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "A telemetry store to query: a lab run's folder, a host root, a telemetry.db file, or a folder of those (every telemetry.db under it and *.db in it); repeatable: several stores (one per instance) read as one, each table the rows of all, in time order. Its tables are requests, dependencies, traces, exceptions, performanceCounters, customMetrics, availabilityResults, FunctionAppLogs and AppMetrics, the workspace names of the same rows (AppRequests, AppDependencies, AppTraces, AppExceptions, AppPerformanceCounters, AppAvailabilityResults), and any table an import made.",
        };
        var maxRows = new Option<long>("--max-rows") { Description = "Row budget of row-multiplying operators (join, mv-expand, range, union).", DefaultValueFactory = _ => KqlOptions.DefaultMaxRows };

        var command = new Command("query", "Run a KQL query over a telemetry store or over tables in CSV or JSON files.") { query, file, telemetry, tables, format, maxRows };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => RunAsync(parse.GetValue(query), parse.GetValue(file), parse.GetValue(telemetry) ?? [], parse.GetValue(tables) ?? [], parse.GetValue(format) ?? "table", parse.GetValue(maxRows), ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? queryText, FileInfo? file, string[] telemetryPaths, string[] tableSpecs, string format, long maxRows, CancellationToken cancellationToken)
    {
        if ((queryText is null) == (file is null))
        {
            throw new QueryInputException("give the query either as an argument or with -f file.kql, not both or neither", "query");
        }

        var sourceName = file?.Name ?? "query";
        if (file is not null && !file.Exists)
        {
            throw new QueryInputException($"query file not found: {file.FullName}", file.FullName);
        }

        var text = file is null ? queryText! : await File.ReadAllTextAsync(file.FullName, cancellationToken);
        using var store = telemetryPaths.Length == 0 ? null : TelemetryTableSource.Open(TelemetryLocation.ResolveAll(telemetryPaths, "--telemetry"));
        ITableSource source = store is null ? LoadTables(tableSpecs) : new LayeredTableSource(LoadTables(tableSpecs), store);
        if (maxRows <= 0)
        {
            throw new QueryInputException($"--max-rows must be positive, got {maxRows}", "--max-rows");
        }

        var result = KqlEngine.Execute(text, source, new KqlOptions(maxRows: maxRows), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                await Console.Error.WriteLineAsync(diagnostic.Format(text, sourceName));
            }

            return QueryError;
        }

        var output = format switch
        {
            "csv" => string.Join("\n", result.Tables.Select(KqlFormatter.ToCsv)),
            "json" => KqlFormatter.ToJson(result.Tables, indented: true) + "\n",
            _ => string.Join("\n", result.Tables.Select(KqlFormatter.ToText)),
        };
        await Console.Out.WriteAsync(output);
        return 0;
    }

    private static InMemoryTableSource LoadTables(string[] specs)
    {
        var source = new InMemoryTableSource();
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var path = equals > 0 ? spec[(equals + 1)..] : spec;
            var name = equals > 0 ? spec[..equals] : Path.GetFileNameWithoutExtension(path);
            if (!File.Exists(path))
            {
                throw new QueryInputException($"--table {spec}: file not found: {path}", path);
            }

            try
            {
                foreach (var table in KqlTableLoader.LoadFile(path, name))
                {
                    source.Add(table);
                }
            }
            catch (FormatException ex)
            {
                throw new QueryInputException($"--table {spec}: {ex.Message}", path);
            }
            catch (ArgumentException ex)
            {
                throw new QueryInputException($"--table {spec}: {ex.Message}", path);
            }
        }

        return source;
    }
}
