using System.Globalization;

namespace OomLab.Workers.Rpc;

/// <summary>The texts the host writes about its gRPC workers; the production host's own wording where it has one.</summary>
internal static class RpcMessages
{
    public static string StrayStream(string firstMessage, string? workerId) =>
        $"a gRPC event stream opened with {firstMessage} (worker id '{workerId}') instead of a known worker's StartStream; ignored";

    public static string NeverConnected(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"(oomlab) the worker did not open its gRPC event stream (StartStream) within {timeout.TotalSeconds:0.#} s");

    public const string ExitedUnconnected = "(oomlab) the worker exited and did not open its gRPC event stream (StartStream)";

    public static string NoReply(string request, TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"(oomlab) the worker did not answer {request} within {timeout.TotalSeconds:0.#} s");

    public static string Refused(string request, string reason) => $"(oomlab) the worker answered {request} with a failure: {reason}";

    public static string FunctionNotIndexed(string function, IEnumerable<string> indexed) =>
        $"(oomlab) the worker's indexing did not report function '{function}'; it reported: {string.Join(", ", indexed)}";

    public static string HttpProxyUnsupported(string function) =>
        $"(oomlab) function '{function}': the worker serves HTTP itself (capability HttpUri, the ASP.NET Core integration of ConfigureFunctionsWebApplication), which oomlab's host does not proxy to; build the app with ConfigureFunctionsWorkerDefaults, whose HttpRequestData arrives in the invocation";

    public static string BlobNotMatched(string blob, BlobPath path) =>
        $"blob '{blob}' does not match the trigger path '{path}'";

    public static string BadOutputName(string binding, string name) =>
        $"output binding '{binding}' names the blob '{name}', which would leave its container";

    /// <summary>The production host's error when a language worker process ends (<c>RpcWorkerProcess</c>).</summary>
    public static string LanguageWorkerExited(int processId) =>
        string.Create(CultureInfo.InvariantCulture, $"Language Worker Process exited. Pid={processId}.");

    /// <summary>The production host's <c>WorkerProcessExitException</c> text: <c>dotnet exited with code 137 (0x89)</c>.</summary>
    public static string ExitedWithCode(string executable, int exitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{executable} exited with code {exitCode} (0x{exitCode:X})");

    /// <summary>The production host's error when a runtime's restart budget is spent (<c>RpcFunctionInvocationDispatcher</c>).</summary>
    public static string RestartRetryCountExceeded(string runtime) =>
        $"Exceeded language worker restart retry count for runtime:{runtime}. Shutting down and proactively recycling the Functions Host to recover";

    public static string DeferredBinding(string function, string connection) =>
        $"Function '{function}': deferred binding: its worker reads each blob from the storage account itself (connection setting {connection})";

    public static string DeferredBindingUnavailable(string function) =>
        $"Function '{function}': its blob trigger supports deferred binding (the worker would download the blob itself), but the folder backend has no storage endpoint to give it; the host sends the blob's bytes instead";
}
