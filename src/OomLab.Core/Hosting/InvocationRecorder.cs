using System.Globalization;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <summary>
/// The rows an invocation leaves behind, shaped as the Functions host leaves them, for a blob- or an HTTP-triggered
/// host alike: one <c>requests</c> row (timestamped at its start, with its real duration, 200 or 500),
/// <c>FunctionAppLogs</c> lines ("Invocation completed in ...", the exception text, "Invocation failed after ...",
/// "Executed ..."), and for failures an <c>exceptions</c> row and a <c>traces</c> row carrying the invocation's
/// <c>operation_Id</c>, which is what the playbook's queries join on.
/// </summary>
internal sealed class InvocationRecorder(string functionName, ITelemetrySink sink, TimeProvider time)
{
    /// <summary>The <c>FunctionAppLogs.Category</c> of the function's lines.</summary>
    public string CategoryName => $"Function.{functionName}";

    /// <param name="invocation">The invocation.</param>
    /// <param name="succeeded">Its outcome.</param>
    /// <param name="dimensions">The request's dimensions, if the host adds to them; a fresh set by default.</param>
    public void Succeeded(RecordedInvocation invocation, InvocationSucceeded succeeded, Dictionary<string, string>? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(succeeded);
        var now = time.GetUtcNow();
        var id = invocation.InvocationId;
        Log(now, "Information", HostTraces.Completed(succeeded.Duration), id);
        Log(now, "Information", HostTraces.Executed(functionName, true, id, succeeded.Duration), id);
        Request(invocation, succeeded.Duration, success: true, dimensions ?? invocation.Dimensions(succeeded.WorkerId));
    }

    public void Failed(RecordedInvocation invocation, InvocationFailed failed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(failed);
        var now = time.GetUtcNow();
        var id = invocation.InvocationId;
        var text = $"{failed.ExceptionType}: {failed.Message}";
        Emit(new ExceptionTelemetry(
            now, failed.ExceptionType, failed.Message, failed.Details, SeverityLevel.Error, id, functionName, invocation.Dimensions(failed.WorkerId)));
        Emit(new TraceTelemetry(now, text, SeverityLevel.Error, id, functionName, invocation.Dimensions(failed.WorkerId)));
        Emit(new FunctionAppLogTelemetry(now, functionName, "Error", text, CategoryName, id, failed.ExceptionType, failed.Message, failed.Details));
        Log(now, "Error", HostTraces.FailedAfter(failed.Duration), id);
        Log(now, "Error", HostTraces.Executed(functionName, false, id, failed.Duration), id);
        Request(invocation, failed.Duration, success: false, invocation.Dimensions(failed.WorkerId));
    }

    public void WorkerLost(RecordedInvocation invocation, InvocationWorkerLost lost)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(lost);
        var now = time.GetUtcNow();
        var id = invocation.InvocationId;
        var exit = lost.Exit;
        var message = exit.KilledOverCeiling
            ? HostTraces.TerminatedByMemoryPressure(lost.WorkerId, exit.Status.ExitCode)
            : HostTraces.WorkerLost(lost.WorkerId, exit.Status.ExitCode);
        var dimensions = invocation.Dimensions(lost.WorkerId);
        dimensions["ExitCode"] = exit.Status.ExitCode.ToString(CultureInfo.InvariantCulture);
        dimensions["KilledOverCeiling"] = exit.KilledOverCeiling ? "true" : "false";
        Emit(new TraceTelemetry(now, message, SeverityLevel.Error, id, functionName, dimensions));
        Log(now, "Error", message, id);
        Log(now, "Error", HostTraces.FailedAfter(lost.Duration), id);
        Log(now, "Error", HostTraces.Executed(functionName, false, id, lost.Duration), id);
        Request(invocation, lost.Duration, success: false, dimensions);
    }

    /// <summary>A <c>FunctionAppLogs</c> line of the function's.</summary>
    public void Log(DateTimeOffset timestamp, string level, string message, string invocationId) =>
        Emit(new FunctionAppLogTelemetry(timestamp, functionName, level, message, CategoryName, invocationId));

    /// <summary>A host <c>traces</c> line, stamped now.</summary>
    public void Trace(string message, SeverityLevel severity) => Emit(new TraceTelemetry(time.GetUtcNow(), message, severity));

    public void Emit(TelemetryItem item) => sink.Emit(item);

    private void Request(RecordedInvocation invocation, TimeSpan duration, bool success, Dictionary<string, string> dimensions)
    {
        invocation.RequestDimensions?.Invoke(dimensions);
        Emit(new RequestTelemetry(
            invocation.StartedAt, invocation.InvocationId, functionName, success, success ? "200" : "500", duration, invocation.InvocationId,
            dimensions, invocation.Url));
    }
}
