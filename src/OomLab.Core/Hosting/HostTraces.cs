using System.Globalization;

namespace OomLab.Hosting;

/// <summary>Host lifecycle messages in <c>traces</c> and <c>FunctionAppLogs</c>, worded as the Functions host and the seeds word them.</summary>
internal static class HostTraces
{
    public const string JobHostStarted = "Job host started";

    public const string Heartbeat = "Host heartbeat";

    public const string Stopping = "Stopping Host";

    public static string LeaseNotRenewed(string blobName) =>
        $"the lease of blob {blobName} was lost before it could be renewed; the blob may run again";

    public static string LeasesNotRenewed(int count, Exception error) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} lease(s) could not be renewed ({error.GetType().Name}: {error.Message}); trying again");

    public static string Starting(string appName, string instanceName, int processId) =>
        string.Create(CultureInfo.InvariantCulture, $"Starting Host (HostId={appName}, InstanceId={instanceName}, Version=oomlab, ProcessId={processId})");

    public static string Started(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"Host started ({(long)elapsed.TotalMilliseconds}ms)");

    public static string Executing(string functionName, string container, string blobName, string invocationId) =>
        $"Executing 'Functions.{functionName}' (Reason='New blob detected: {container}/{blobName}', Id={invocationId})";

    public static string Executed(string functionName, bool succeeded, string invocationId, TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"Executed 'Functions.{functionName}' ({(succeeded ? "Succeeded" : "Failed")}, Id={invocationId}, Duration={(long)duration.TotalMilliseconds}ms)");

    public static string Completed(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"Invocation completed in {duration:hh\\:mm\\:ss\\.fff}");

    public static string FailedAfter(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"Invocation failed after {duration:hh\\:mm\\:ss\\.fff}");

    public static string TerminatedByMemoryPressure(string workerId, int exitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"Worker process terminated due to memory pressure ({workerId} exited with code {exitCode}) while running this invocation");

    public static string WorkerLost(string workerId, int exitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"Worker process {workerId} exited with code {exitCode} while running this invocation");

    public static string PayloadGuard(string blobName, long length, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Blob '{blobName}' rejected by the payload guard before buffering: {length} bytes exceed PAYLOAD_GUARD_MAX_BYTES {limit}");

    public static string Poisoned(string blobName, int dequeueCount, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"Message for blob '{blobName}' has reached MaxDequeueCount of {dequeueCount}. Moving message to the poison list: {reason}");
}
