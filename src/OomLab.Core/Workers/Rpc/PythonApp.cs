using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace OomLab.Workers.Rpc;

/// <summary>
/// A Python v2 app (<c>function_app.py</c>, no <c>worker.config.json</c>): the host starts oomlab's own Python worker
/// (<c>python/worker.py</c> next to the oomlab executable), as the production host starts the worker it ships for
/// <c>FUNCTIONS_WORKER_RUNTIME=python</c>. Its functions are indexed before the host starts, by running that worker once
/// with <c>--index</c>, which imports the app exactly as the worker will and prints its functions.
/// </summary>
internal static class PythonApp
{
    public const string ScriptFile = "function_app.py";

    /// <summary>The environment variable naming the Python interpreter to use, instead of <c>python3</c> on the PATH.</summary>
    public const string InterpreterVariable = "OOMLAB_PYTHON";

    /// <summary>The environment variable carrying the worker's memory budget in bytes (see <c>oomlab_worker/memory.py</c>).</summary>
    public const string MemoryLimitVariable = "OOMLAB_PYTHON_MEMORY_LIMIT";

    /// <summary>What the worker exits with when grpcio or protobuf is missing from the interpreter: try the next one.</summary>
    private const int MissingDependency = 3;

    /// <summary>How long importing the app may take: the production host's load timeout floor.</summary>
    private static readonly TimeSpan IndexTimeout = TimeSpan.FromMinutes(1);

    /// <summary>oomlab's Python worker, shipped next to the executable.</summary>
    public static string WorkerPath => Path.Combine(AppContext.BaseDirectory, "python", "worker.py");

    public static bool IsPythonApp(string directory) => File.Exists(Path.Combine(directory, ScriptFile));

    /// <summary>The interpreter that runs the worker and the app's functions, indexed.</summary>
    /// <exception cref="FunctionAppException">The worker is not shipped, no interpreter can run it, or the app cannot be indexed.</exception>
    public static (string Interpreter, List<(string Name, List<JsonElement> Bindings)> Functions) Index(
        string directory, IReadOnlyDictionary<string, string> environment)
    {
        var worker = WorkerPath;
        if (!File.Exists(worker))
        {
            throw new FunctionAppException(FunctionAppMessages.PythonWorkerMissing(worker));
        }

        var explicitInterpreter = Environment.GetEnvironmentVariable(InterpreterVariable);
        string[] candidates = string.IsNullOrWhiteSpace(explicitInterpreter) ? ["python3", "/usr/bin/python3"] : [explicitInterpreter];
        var reasons = new List<string>();
        foreach (var interpreter in candidates.Distinct(StringComparer.Ordinal))
        {
            if (Run(interpreter, worker, directory, environment) is not { } run)
            {
                reasons.Add(FunctionAppMessages.PythonNotFound(interpreter));
                continue;
            }

            if (run.ExitCode == MissingDependency)
            {
                reasons.Add(run.Error.Trim());
                continue;
            }

            if (run.ExitCode != 0)
            {
                var detail = run.Error.Trim();
                throw new FunctionAppException(run.ExitCode == 2 && detail.Length > 0
                    ? detail
                    : FunctionAppMessages.IndexingFailed(Path.Combine(directory, ScriptFile), run.ExitCode, LastLines(detail)));
            }

            return (interpreter, ReadIndex(Path.Combine(directory, ScriptFile), run.Output));
        }

        throw new FunctionAppException(FunctionAppMessages.NoPythonForWorker(InterpreterVariable, reasons));
    }

    private static List<(string Name, List<JsonElement> Bindings)> ReadIndex(string script, string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var functions = new List<(string, List<JsonElement>)>();
            foreach (var function in document.RootElement.GetProperty("functions").EnumerateArray())
            {
                var name = function.GetProperty("name").GetString() ?? string.Empty;
                functions.Add((name, [.. function.GetProperty("bindings").EnumerateArray().Select(b => b.Clone())]));
            }

            return functions;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FunctionAppException(FunctionAppMessages.IndexingFailed(script, 0, ex.Message));
        }
    }

    private static RunResult? Run(string interpreter, string worker, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add(worker);
        info.ArgumentList.Add("--index");
        info.ArgumentList.Add(directory);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "python";
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = directory;
        info.Environment["AzureWebJobsScriptRoot"] = directory;
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FunctionAppException(FunctionAppMessages.PythonNotFound(interpreter));
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(IndexTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new FunctionAppException(FunctionAppMessages.IndexingTimedOut(Path.Combine(directory, ScriptFile), IndexTimeout));
            }

            process.WaitForExit();
            return new RunResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    private static string LastLines(string text) => string.Join(Environment.NewLine, text.Split('\n').TakeLast(5).Select(l => l.TrimEnd('\r')));

    private sealed record RunResult(int ExitCode, string Output, string Error);
}
