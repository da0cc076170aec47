using System.Text.RegularExpressions;

namespace OomLab.Cli.Tests.Support;

internal sealed partial record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard error with line wrapping undone, for comparing with one-line messages.</summary>
    public string ErrorText => Whitespace().Replace(Error, " ");

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Whitespace();
}
