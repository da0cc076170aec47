namespace OomLab.Cli.Tests.Support;

/// <summary>What a finished oomlab process left: its exit code and both output streams.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
