namespace OomLab.Workers.Rpc;

/// <summary>The texts of function app errors people see.</summary>
internal static class FunctionAppMessages
{
    public static string NotAFunctionApp(string directory) =>
        $"{directory} (--app) is not a function app's build output: it has no worker.config.json";

    public static string Unreadable(string path, string reason) => $"{path}: cannot be read: {reason}";

    public static string Malformed(string path, long line, long column, string detail) => $"{path}:{line}:{column}: not valid JSON: {detail}";

    public static string Missing(string path, string key) => $"{path}: '{key}' is missing";

    public static string WorkerNotFound(string path, string worker) => $"{path}: defaultWorkerPath '{worker}' does not exist in the app folder";

    public static string NoFunctions(string path) => $"{path}: the app has no blob-triggered function";

    public static string UnknownFunction(string name, string path, IEnumerable<string> available) =>
        $"function '{name}' (--function) is not in {path}; the app's blob-triggered functions: {string.Join(", ", available)}";

    public static string ChooseFunction(string path, IEnumerable<string> available) =>
        $"{path} has several blob-triggered functions; choose one with --function: {string.Join(", ", available)}";

    public static string BadPath(string path, string function, string binding, string value) =>
        $"{path}: function '{function}', binding '{binding}': path '{value}' must be '<container>/<blob pattern>'";

    public static string OutputsInSeveralContainers(string path, string function, IEnumerable<string> containers) =>
        $"{path}: function '{function}' writes blobs to several containers ({string.Join(", ", containers)}); oomlab's host publishes one output container per function";
}
