namespace OomLab.Cli.Tests.Support;

/// <summary>What a finished oomlab process left: its exit code and both output streams.</summary>
internal sealed partial record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard error with line breaks folded into spaces, for messages a terminal may wrap.</summary>
    public string ErrorText => Whitespace().Replace(Stderr, " ");

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\n\s*")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
}
