using Spectre.Console;

namespace OomLab.Cli;

/// <summary>
/// Runs a verb's body and turns expected failures into a message on standard error and an exit code:
/// <see cref="OomLabException"/> (bad input) and the user's Ctrl-C. Anything else is a bug and is
/// reported as one, still without a stack trace unless <c>OOMLAB_DEBUG=1</c>.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Exit code for bad input: a bad flag, setting, file or value.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for an interrupted run (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (OomLabException ex)
        {
            WriteError(ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteError("interrupted");
            return Interrupted;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never show a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WriteError($"internal error: {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("OOMLAB_DEBUG") == "1")
            {
                Console.Error.WriteLine(ex);
            }

            return 70;
        }
    }

    public static void WriteError(string message)
    {
        var console = CliConsole.Error;
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
    }
}
