using System.Globalization;
using OomLab.Blobs;
using OomLab.Queue;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <remarks>
/// A blob invocation's rows are recorded by <see cref="InvocationRecorder"/>; what is the blob trigger's own is here:
/// its <c>customDimensions</c> (the blob, its length and dequeue count), and on the <c>requests</c> row the trigger's
/// and the blob's arrival latency, and for a success the time until its receipt.
/// </remarks>
internal sealed partial class FunctionHost
{
    private InvocationRecorder? recorder;

    private InvocationRecorder Recorder => recorder ??= new InvocationRecorder(options.FunctionName, sink, time);

    private void RecordSuccess(DateTimeOffset startedAt, LeasedMessage lease, InvocationSucceeded succeeded, TimeSpan untilReceipt)
    {
        var dimensions = Dimensions(lease, succeeded.WorkerId);

        // From the invocation's start until its outputs were durable and its receipt committed (real time).
        dimensions["ReceiptAfterMs"] = untilReceipt.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        Recorder.Succeeded(Invocation(startedAt, lease, succeeded.InvocationId), succeeded, dimensions);
    }

    private void RecordFailure(DateTimeOffset startedAt, LeasedMessage lease, InvocationFailed failed) =>
        Recorder.Failed(Invocation(startedAt, lease, failed.InvocationId), failed);

    private void RecordWorkerLost(DateTimeOffset startedAt, LeasedMessage lease, InvocationWorkerLost lost) =>
        Recorder.WorkerLost(Invocation(startedAt, lease, lost.InvocationId), lost);

    private static RecordedInvocation Invocation(DateTimeOffset startedAt, LeasedMessage lease, string invocationId) =>
        new(invocationId, startedAt, workerId => Dimensions(lease, workerId), RequestDimensions: dimensions =>
        {
            // From discovery (the blob complete in its container) to the invocation's start: the trigger's latency. From the
            // blob's last write (a file renamed into place keeps the time it was written) to the start: its arrival latency,
            // discovery included, and all the time it waited if it arrived while no host ran.
            dimensions["TriggerLatencyMs"] = Milliseconds(startedAt - lease.ObservedAt);
            if (BlobVersion.TryParse(lease.Version, out var version))
            {
                dimensions["ArrivalLatencyMs"] = Milliseconds(TimeSpan.FromTicks(startedAt.UtcTicks - version.LastWriteTicks));
            }
        });

    private static string Milliseconds(TimeSpan span) => Math.Max(0, span.TotalMilliseconds).ToString("0.###", CultureInfo.InvariantCulture);

    private void LogFunction(DateTimeOffset timestamp, string level, string message, string invocationId) => Recorder.Log(timestamp, level, message, invocationId);

    private void LogHost(string message, SeverityLevel severity, string invocationId)
    {
        var now = time.GetUtcNow();
        Recorder.Emit(new TraceTelemetry(now, message, severity, invocationId, invocationId.Length == 0 ? string.Empty : options.FunctionName));
        if (invocationId.Length != 0)
        {
            Recorder.Emit(new FunctionAppLogTelemetry(now, options.FunctionName, severity.ToString(), message, Recorder.CategoryName, invocationId));
        }
    }

    private void Trace(string message, SeverityLevel severity) => Recorder.Trace(message, severity);

    private static Dictionary<string, string> Dimensions(LeasedMessage lease, string workerId) => new(StringComparer.Ordinal)
    {
        ["TriggerReason"] = "New blob detected",
        ["BlobName"] = lease.Name.Value,
        ["ContentLengthBytes"] = lease.Length.ToString(CultureInfo.InvariantCulture),
        ["DequeueCount"] = lease.DequeueCount.ToString(CultureInfo.InvariantCulture),
        ["WorkerId"] = workerId,
    };
}
