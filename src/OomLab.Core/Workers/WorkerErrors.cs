using OomLab.Memory;

namespace OomLab.Workers;

/// <summary>The texts of worker errors people see, made by named factories so tests can assert them.</summary>
internal static class WorkerErrors
{
    public static string AssemblyNotFound(string path) =>
        $"functions assembly not found: {path} (--functions)";

    public static string AssemblyNotLoadable(string path, string reason) =>
        $"functions assembly cannot be loaded: {path} (--functions): {reason}";

    public static string UnknownFunction(string name, string path, IReadOnlyCollection<string> available) =>
        available.Count == 0
            ? $"function '{name}' not found in {path} (--function): the assembly has no class implementing OomLab.Sdk.IBlobFunction"
            : $"function '{name}' not found in {path} (--function); available: {string.Join(", ", available)}";

    public static string FunctionNotCreatable(string name, string reason) =>
        $"function '{name}' cannot be created (it needs a public parameterless constructor): {reason}";

    public static string WorkerDidNotStart(string workerId, int exitCode, string stderr) =>
        stderr.Length == 0
            ? $"worker {workerId} exited with code {exitCode} before it was ready"
            : $"worker {workerId} exited with code {exitCode} before it was ready: {stderr}";

    public static string WorkerNotReadyInTime(string workerId, TimeSpan timeout, string stderr) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"worker {workerId} was not ready within {timeout.TotalSeconds:0.#} s and was stopped")
        + (stderr.Length == 0 ? string.Empty : $": {stderr}");

    public static string WorkerNotStartable(string command, string reason) =>
        $"cannot start a worker process with '{command}': {reason}";

    public static string CeilingBelowIdleWorkers(MemoryCeiling ceiling, int workers, long idlePrivateBytes) =>
        $"memory ceiling {ceiling} is below what {workers} idle worker(s) hold ({MemoryText.Format(idlePrivateBytes)} Private Bytes); raise --ceiling or lower FUNCTIONS_WORKER_PROCESS_COUNT";

    public static string InvalidOutputName(string name) =>
        $"output name '{name}' is not allowed: use a relative name without '..', control characters or a leading '/'";
}
