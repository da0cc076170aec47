using System.Globalization;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <remarks>
/// The rows an HTTP invocation leaves, shaped as the Functions host leaves them: a <c>requests</c> row with the
/// URL, the HTTP result code and <c>customDimensions.RequestBodyBytes</c>; <c>FunctionAppLogs</c> lines; and for
/// failures an <c>exceptions</c> row and a <c>traces</c> row with the invocation's <c>operation_Id</c>.
/// </remarks>
internal sealed partial class HttpTriggerHost
{
    private const string Reason = "This function was programmatically called via the host APIs.";

    private string Executing(string invocationId) => $"Executing 'Functions.{options.FunctionName}' (Reason='{Reason}', Id={invocationId})";

    private void RecordSuccess(HttpCall call, InvocationSucceeded succeeded)
    {
        var now = time.GetUtcNow();
        LogFunction(now, "Information", HostTraces.Completed(succeeded.Duration), call.InvocationId);
        LogFunction(now, "Information", HostTraces.Executed(options.FunctionName, true, call.InvocationId, succeeded.Duration), call.InvocationId);
        Request(call, succeeded.Duration, "200", Dimensions(call, succeeded.WorkerId));
    }

    private void RecordFailure(HttpCall call, InvocationFailed failed)
    {
        var now = time.GetUtcNow();
        var text = $"{failed.ExceptionType}: {failed.Message}";
        var dimensions = Dimensions(call, failed.WorkerId);
        Emit(new ExceptionTelemetry(now, failed.ExceptionType, failed.Message, failed.Details, SeverityLevel.Error, call.InvocationId, options.FunctionName, dimensions));
        Emit(new TraceTelemetry(now, text, SeverityLevel.Error, call.InvocationId, options.FunctionName, dimensions));
        Emit(new FunctionAppLogTelemetry(
            now, options.FunctionName, "Error", text, CategoryName, call.InvocationId, failed.ExceptionType, failed.Message, failed.Details));
        LogFunction(now, "Error", HostTraces.FailedAfter(failed.Duration), call.InvocationId);
        LogFunction(now, "Error", HostTraces.Executed(options.FunctionName, false, call.InvocationId, failed.Duration), call.InvocationId);
        Request(call, failed.Duration, "500", dimensions);
    }

    private void RecordWorkerLost(HttpCall call, InvocationWorkerLost lost)
    {
        var now = time.GetUtcNow();
        var exit = lost.Exit;
        var message = exit.KilledOverCeiling
            ? HostTraces.TerminatedByMemoryPressure(lost.WorkerId, exit.Status.ExitCode)
            : HostTraces.WorkerLost(lost.WorkerId, exit.Status.ExitCode);
        var dimensions = Dimensions(call, lost.WorkerId);
        dimensions["ExitCode"] = exit.Status.ExitCode.ToString(CultureInfo.InvariantCulture);
        dimensions["KilledOverCeiling"] = exit.KilledOverCeiling ? "true" : "false";
        Emit(new TraceTelemetry(now, message, SeverityLevel.Error, call.InvocationId, options.FunctionName, dimensions));
        LogFunction(now, "Error", message, call.InvocationId);
        LogFunction(now, "Error", HostTraces.FailedAfter(lost.Duration), call.InvocationId);
        LogFunction(now, "Error", HostTraces.Executed(options.FunctionName, false, call.InvocationId, lost.Duration), call.InvocationId);
        Request(call, lost.Duration, "500", dimensions);
    }

    private string CategoryName => $"Function.{options.FunctionName}";

    private void Request(HttpCall call, TimeSpan duration, string resultCode, Dictionary<string, string> dimensions)
    {
        Emit(new RequestTelemetry(
            call.StartedAt, call.InvocationId, options.FunctionName, resultCode == "200", resultCode, duration, call.InvocationId, dimensions, call.Url));
    }

    private static Dictionary<string, string> Dimensions(HttpCall call, string workerId) => new(StringComparer.Ordinal)
    {
        ["TriggerReason"] = Reason,
        ["HttpMethod"] = call.Method,
        ["RequestBodyBytes"] = call.BodyBytes.ToString(CultureInfo.InvariantCulture),
        ["WorkerId"] = workerId,
    };

    private void LogFunction(DateTimeOffset timestamp, string level, string message, string invocationId) =>
        Emit(new FunctionAppLogTelemetry(timestamp, options.FunctionName, level, message, CategoryName, invocationId));

    private void Trace(string message) => Emit(new TraceTelemetry(time.GetUtcNow(), message, SeverityLevel.Information));

    private void Emit(TelemetryItem item) => sink.Emit(item);
}
