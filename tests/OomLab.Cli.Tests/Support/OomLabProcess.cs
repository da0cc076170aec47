using System.Diagnostics;

namespace OomLab.Cli.Tests.Support;

/// <summary>Runs the built <c>oomlab</c> executable as a user would, and captures what it prints.</summary>
internal static class OomLabProcess
{
    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oomlab.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A wide virtual terminal, so messages are not wrapped in the middle of what tests look for.
        start.Environment["COLUMNS"] = "500";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
