using System.CommandLine;
using OomLab.Cli.Commands;

namespace OomLab.Cli;

/// <summary>Builds the command tree and runs it; every verb lives in <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("oomlab: reproduce, contain, diagnose and prove fixes for out-of-memory crash loops of blob-processing functions.");
        foreach (var command in CommandCatalog.Create())
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(SelfLogOutput.Verbose);

        // Bare `oomlab` shows what it can do rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            return Task.FromResult(ReportUsageErrors(parse));
        }

        try
        {
            SelfLogOutput.Configure(parse);
        }
        catch (OomLabException ex)
        {
            CommandRunner.WriteError(ex.Message);
            return Task.FromResult(CommandRunner.UsageError);
        }

        // Ctrl-C cancels the verb's token; the verb then stops its workers, flushes telemetry and says where
        // its partial results are. Give it time to do so before the process is ended regardless.
        return parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>A bad flag or argument: each problem on standard error, where to find usage, exit 2 (no help dump on stdout).</summary>
    private static int ReportUsageErrors(ParseResult parse)
    {
        foreach (var error in parse.Errors)
        {
            CommandRunner.WriteError(error.Message.ReplaceLineEndings(" ").Replace("\t", string.Empty, StringComparison.Ordinal));
        }

        var verb = parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name + " ";
        Console.Error.WriteLine($"see 'oomlab {verb}--help' for usage");
        return CommandRunner.UsageError;
    }
}
