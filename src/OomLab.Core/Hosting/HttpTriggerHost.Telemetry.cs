using System.Globalization;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <remarks>
/// An HTTP invocation's rows are recorded by <see cref="InvocationRecorder"/>; what is the HTTP trigger's own is here:
/// the "Executing" line's reason, its <c>customDimensions</c> (method, body length) and the request's URL.
/// </remarks>
internal sealed partial class HttpTriggerHost
{
    private const string Reason = "This function was programmatically called via the host APIs.";

    private InvocationRecorder? recorder;

    private InvocationRecorder Recorder => recorder ??= new InvocationRecorder(options.FunctionName, sink, time);

    private string Executing(string invocationId) => $"Executing 'Functions.{options.FunctionName}' (Reason='{Reason}', Id={invocationId})";

    private void RecordSuccess(HttpCall call, InvocationSucceeded succeeded) => Recorder.Succeeded(Invocation(call), succeeded);

    private void RecordFailure(HttpCall call, InvocationFailed failed) => Recorder.Failed(Invocation(call), failed);

    private void RecordWorkerLost(HttpCall call, InvocationWorkerLost lost) => Recorder.WorkerLost(Invocation(call), lost);

    private static RecordedInvocation Invocation(HttpCall call) => new(call.InvocationId, call.StartedAt, workerId => new(StringComparer.Ordinal)
    {
        ["TriggerReason"] = Reason,
        ["HttpMethod"] = call.Method,
        ["RequestBodyBytes"] = call.BodyBytes.ToString(CultureInfo.InvariantCulture),
        ["WorkerId"] = workerId,
    }, call.Url);

    private void LogFunction(DateTimeOffset timestamp, string level, string message, string invocationId) => Recorder.Log(timestamp, level, message, invocationId);

    private void Trace(string message) => Recorder.Trace(message, SeverityLevel.Information);

    private void Emit(TelemetryItem item) => Recorder.Emit(item);
}
