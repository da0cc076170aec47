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

        // Ctrl-C cancels the verb's token; the verb then stops its workers, flushes telemetry and says where
        // its partial results are. Give it time to do so before the process is ended regardless.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
