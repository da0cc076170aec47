using System.Globalization;
using OomLab.Blobs;
using OomLab.Queue;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <remarks>
/// The rows an invocation leaves behind, shaped as the Functions host leaves them: one <c>requests</c> row
/// (timestamped at its start, with its real duration), <c>FunctionAppLogs</c> lines ("Executing ...",
/// "Invocation completed in ...", the exception text, "Invocation failed after ..."), and for failures an
/// <c>exceptions</c> row and a <c>traces</c> row carrying the invocation's <c>operation_Id</c>, which is what
/// the playbook's queries join on.
/// </remarks>
internal sealed partial class FunctionHost
{
    private void RecordSuccess(DateTimeOffset startedAt, LeasedMessage lease, InvocationSucceeded succeeded, TimeSpan untilReceipt)
    {
        var now = time.GetUtcNow();
        LogFunction(now, "Information", HostTraces.Completed(succeeded.Duration), succeeded.InvocationId);
        LogFunction(now, "Information", HostTraces.Executed(options.FunctionName, true, succeeded.InvocationId, succeeded.Duration), succeeded.InvocationId);
        var dimensions = Dimensions(lease, succeeded.WorkerId);

        // From the invocation's start until its outputs were durable and its receipt committed (real time).
        dimensions["ReceiptAfterMs"] = untilReceipt.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        Request(startedAt, lease, succeeded.InvocationId, succeeded.WorkerId, succeeded.Duration, success: true, dimensions);
    }

    private void RecordFailure(DateTimeOffset startedAt, LeasedMessage lease, InvocationFailed failed)
    {
        var now = time.GetUtcNow();
        var text = $"{failed.ExceptionType}: {failed.Message}";
        Emit(new ExceptionTelemetry(
            now, failed.ExceptionType, failed.Message, failed.Details, SeverityLevel.Error, failed.InvocationId, options.FunctionName,
            Dimensions(lease, failed.WorkerId)));
        Emit(new TraceTelemetry(now, text, SeverityLevel.Error, failed.InvocationId, options.FunctionName, Dimensions(lease, failed.WorkerId)));
        Emit(new FunctionAppLogTelemetry(
            now, options.FunctionName, "Error", text, FunctionCategoryName, failed.InvocationId,
            failed.ExceptionType, failed.Message, failed.Details));
        LogFunction(now, "Error", HostTraces.FailedAfter(failed.Duration), failed.InvocationId);
        LogFunction(now, "Error", HostTraces.Executed(options.FunctionName, false, failed.InvocationId, failed.Duration), failed.InvocationId);
        Request(startedAt, lease, failed.InvocationId, failed.WorkerId, failed.Duration, success: false);
    }

    private void RecordWorkerLost(DateTimeOffset startedAt, LeasedMessage lease, InvocationWorkerLost lost)
    {
        var now = time.GetUtcNow();
        var exit = lost.Exit;
        var message = exit.KilledOverCeiling
            ? HostTraces.TerminatedByMemoryPressure(lost.WorkerId, exit.Status.ExitCode)
            : HostTraces.WorkerLost(lost.WorkerId, exit.Status.ExitCode);
        var dimensions = Dimensions(lease, lost.WorkerId);
        dimensions["ExitCode"] = exit.Status.ExitCode.ToString(CultureInfo.InvariantCulture);
        dimensions["KilledOverCeiling"] = exit.KilledOverCeiling ? "true" : "false";
        Emit(new TraceTelemetry(now, message, SeverityLevel.Error, lost.InvocationId, options.FunctionName, dimensions));
        LogFunction(now, "Error", message, lost.InvocationId);
        LogFunction(now, "Error", HostTraces.FailedAfter(lost.Duration), lost.InvocationId);
        LogFunction(now, "Error", HostTraces.Executed(options.FunctionName, false, lost.InvocationId, lost.Duration), lost.InvocationId);
        Request(startedAt, lease, lost.InvocationId, lost.WorkerId, lost.Duration, success: false, dimensions);
    }

    private string FunctionCategoryName => $"Function.{options.FunctionName}";

    private void Request(
        DateTimeOffset startedAt, LeasedMessage lease, string invocationId, string workerId, TimeSpan duration, bool success,
        Dictionary<string, string>? dimensions = null)
    {
        dimensions ??= Dimensions(lease, workerId);

        // From discovery (the blob complete in its container) to the invocation's start: the trigger's latency. From the
        // blob's last write (a file renamed into place keeps the time it was written) to the start: its arrival latency,
        // discovery included, and all the time it waited if it arrived while no host ran.
        dimensions["TriggerLatencyMs"] = Milliseconds(startedAt - lease.ObservedAt);
        if (BlobVersion.TryParse(lease.Version, out var version))
        {
            dimensions["ArrivalLatencyMs"] = Milliseconds(TimeSpan.FromTicks(startedAt.UtcTicks - version.LastWriteTicks));
        }
        Emit(new RequestTelemetry(startedAt, invocationId, options.FunctionName, success, success ? "200" : "500", duration, invocationId, dimensions));
    }

    private static string Milliseconds(TimeSpan span) => Math.Max(0, span.TotalMilliseconds).ToString("0.###", CultureInfo.InvariantCulture);

    private void LogFunction(DateTimeOffset timestamp, string level, string message, string invocationId) =>
        Emit(new FunctionAppLogTelemetry(timestamp, options.FunctionName, level, message, FunctionCategoryName, invocationId));

    private void LogHost(string message, SeverityLevel severity, string invocationId)
    {
        var now = time.GetUtcNow();
        Emit(new TraceTelemetry(now, message, severity, invocationId, invocationId.Length == 0 ? string.Empty : options.FunctionName));
        if (invocationId.Length != 0)
        {
            Emit(new FunctionAppLogTelemetry(now, options.FunctionName, severity.ToString(), message, FunctionCategoryName, invocationId));
        }
    }

    private void Trace(string message, SeverityLevel severity) => Emit(new TraceTelemetry(time.GetUtcNow(), message, severity));

    private static Dictionary<string, string> Dimensions(LeasedMessage lease, string workerId) => new(StringComparer.Ordinal)
    {
        ["TriggerReason"] = "New blob detected",
        ["BlobName"] = lease.Name.Value,
        ["ContentLengthBytes"] = lease.Length.ToString(CultureInfo.InvariantCulture),
        ["DequeueCount"] = lease.DequeueCount.ToString(CultureInfo.InvariantCulture),
        ["WorkerId"] = workerId,
    };

    private void Emit(TelemetryItem item) => sink.Emit(item);
}
