using Spectre.Console;

namespace OomLab.Cli;

/// <summary>
/// Consoles for the verbs: colours and live redraws on a terminal; plain, unwrapped text when the stream is
/// redirected to a file or a pipe (logs and scripts read it), and always when <c>NO_COLOR</c> is set.
/// </summary>
internal static class CliConsole
{
    private const int RedirectedWidth = 200;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
