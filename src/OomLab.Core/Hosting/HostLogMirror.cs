using OomLab.Telemetry;

namespace OomLab.Hosting;

/// <summary>
/// Passes every item on and copies host-level traces (those not tied to an invocation) into
/// <c>FunctionAppLogs</c>, as the Functions host logs its lifecycle to both tables: the seed's queries look
/// for "Worker process exited" in either.
/// </summary>
internal sealed class HostLogMirror(ITelemetrySink inner, Func<int> processId) : ITelemetrySink
{
    public void Emit(TelemetryItem item)
    {
        inner.Emit(item);
        if (item is TraceTelemetry { OperationId: "" } trace)
        {
            inner.Emit(new FunctionAppLogTelemetry(
                trace.Timestamp, string.Empty, LevelName(trace.SeverityLevel), trace.Message, "Host.General",
                string.Empty, ProcessId: processId()));
        }
    }

    private static string LevelName(SeverityLevel level) => level switch
    {
        SeverityLevel.Verbose => "Trace",
        SeverityLevel.Information => "Information",
        SeverityLevel.Warning => "Warning",
        SeverityLevel.Error => "Error",
        _ => "Critical",
    };
}
