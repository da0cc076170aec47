namespace OomLab.Cli;

/// <summary>How the host starts a worker: this very executable with the hidden <c>worker</c> verb.</summary>
internal static class WorkerLaunch
{
    /// <summary>
    /// The command and the arguments before <c>worker</c>: the apphost alone, or <c>dotnet oomlab.dll</c>
    /// when oomlab itself was started through <c>dotnet</c>.
    /// </summary>
    public static (string Command, IReadOnlyList<string> Prefix) Current()
    {
        var processPath = Environment.ProcessPath ?? throw new OomLabException("cannot tell where the oomlab executable is, so workers cannot be started");
        var isDotnet = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnet ? (processPath, [typeof(WorkerLaunch).Assembly.Location]) : (processPath, []);
    }
}
