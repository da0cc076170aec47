using System.Diagnostics;
using OomLab.Cli.Tests.Support;
using OomLab.Report.Tests.Support;

namespace OomLab.Cli.Tests.Python;

/// <summary>
/// The Python side's own unit tests (tests/OomLab.Python.Tests: oomlab's azure.functions and the worker's conversions),
/// run with the interpreter the host would use against the worker as built next to oomlab (python/, with the protocol
/// modules generated from FunctionRpc.proto).
/// </summary>
public sealed class PythonWorkerUnitTests
{
    [Fact]
    public async Task The_python_unit_tests_pass_against_the_worker_shipped_next_to_oomlab()
    {
        var interpreter = Environment.GetEnvironmentVariable("OOMLAB_PYTHON") is { Length: > 0 } set ? set : "/usr/bin/python3";
        var info = new ProcessStartInfo(interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "-B", "-m", "unittest", "discover", "-s", Repository.Combine("tests", "OomLab.Python.Tests"), "-v" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PYTHONPATH"] = Path.Combine(OomLabCli.Directory, "python");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        var report = await error;
        process.ExitCode.ShouldBe(0, (await output) + report);
        report.ShouldContain("OK");
        report.ShouldNotContain("Ran 0 tests");
    }
}
