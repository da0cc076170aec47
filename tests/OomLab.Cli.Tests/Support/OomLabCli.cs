using System.Diagnostics;
using System.Reflection;

namespace OomLab.Cli.Tests.Support;

/// <summary>Runs the real built <c>oomlab</c> as a user would: <c>dotnet oomlab.dll ...</c>, real pipes, real exit code.</summary>
internal static class OomLabCli
{
    /// <summary>The folder of the built command line, with the sample functions in <c>functions/</c>.</summary>
    public static readonly string Directory = typeof(OomLabCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OomLabCliDirectory").Value!;

    public static string Dll => Path.Combine(Directory, "oomlab.dll");

    /// <summary>
    /// Runs oomlab to the end (killed after <paramref name="timeout"/>, default 3 minutes); <paramref name="environment"/>
    /// sets variables for it (a null value removes one).
    /// </summary>
    public static async Task<CliResult> RunAsync(
        string[] args, string stdin = "", TimeSpan? timeout = null, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, workingDirectory, environment);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"oomlab {string.Join(' ', args)} did not finish in time; stderr: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, string.Empty);

    /// <summary>Starts oomlab with redirected standard streams; the caller owns the process.</summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? System.IO.Directory.GetCurrentDirectory(),
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "500";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }
}
