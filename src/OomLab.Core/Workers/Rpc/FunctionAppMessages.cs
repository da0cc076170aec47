namespace OomLab.Workers.Rpc;

/// <summary>The texts of function app errors people see.</summary>
internal static class FunctionAppMessages
{
    public static string NotAFunctionApp(string directory) =>
        $"{directory} (--app) is not a function app: it has neither a worker.config.json (a build output) nor a function_app.py (a Python app)";

    public static string PythonWorkerMissing(string path) => $"oomlab's Python worker is not installed: {path} does not exist";

    public static string PythonNotFound(string interpreter) => $"{interpreter}: not found";

    public static string NoPythonForWorker(string variable, IEnumerable<string> reasons) =>
        $"no Python interpreter can run oomlab's Python worker ({string.Join("; ", reasons)}); install python3-grpcio and python3-protobuf (scripts/install-test-deps.sh), or set {variable} to an interpreter that has grpcio and protobuf";

    public static string IndexingFailed(string script, int exitCode, string detail) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{script}: indexing the app failed (the worker exited with code {exitCode}): {detail}");

    public static string IndexingTimedOut(string script, TimeSpan timeout) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{script}: importing the app did not finish within {timeout.TotalSeconds:0} s");

    public static string Unreadable(string path, string reason) => $"{path}: cannot be read: {reason}";

    public static string Malformed(string path, long line, long column, string detail) => $"{path}:{line}:{column}: not valid JSON: {detail}";

    public static string Missing(string path, string key) => $"{path}: '{key}' is missing";

    public static string WorkerNotFound(string path, string worker) => $"{path}: defaultWorkerPath '{worker}' does not exist in the app folder";

    public static string NoFunctions(string path) => $"{path}: the app has no blob- or HTTP-triggered function";

    public static string UnknownFunction(string name, string path, IEnumerable<string> available) =>
        $"function '{name}' (--function) is not in {path}; the app's blob- or HTTP-triggered functions: {string.Join(", ", available)}";

    public static string ChooseFunction(string path, IEnumerable<string> available) =>
        $"{path} has several blob- or HTTP-triggered functions; choose one with --function: {string.Join(", ", available)}";

    public static string BadPath(string path, string function, string binding, string value) =>
        $"{path}: function '{function}', binding '{binding}': path '{value}' must be '<container>/<blob pattern>'";

    public static string OutputsInSeveralContainers(string path, string function, IEnumerable<string> containers) =>
        $"{path}: function '{function}' writes blobs to several containers ({string.Join(", ", containers)}); oomlab's host publishes one output container per function";
}
