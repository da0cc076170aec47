using System.CommandLine;

namespace OomLab.Cli.Commands;

/// <summary>The verbs of <c>oomlab</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return LabCommand.Create();
        yield return HostCommand.Create();
        yield return TuneCommand.Create();
        yield return LoadCommand.Create();
        yield return StatusCommand.Create();
        yield return AzuriteCommand.Create();
        yield return QueryCommand.Create();
        yield return DiagnoseCommand.Create();
        yield return ImportCommand.Create();
        yield return ReportCommand.Create();
        yield return WorkerCommand.Create();
    }
}
