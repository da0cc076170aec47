namespace OomLab.Telemetry;

/// <summary>
/// Sends each item to several sinks; a sink that throws is reported to <see cref="SelfLog"/> and the
/// others, and the caller, go on (as Serilog's <c>SafeAggregateSink</c>).
/// </summary>
internal sealed class SafeFanOutSink : ITelemetrySink
{
    private readonly ITelemetrySink[] sinks;

    public SafeFanOutSink(params IEnumerable<ITelemetrySink> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        this.sinks = sinks.ToArray();
    }

    public void Emit(TelemetryItem item)
    {
        foreach (var sink in sinks)
        {
            try
            {
                sink.Emit(item);
            }
#pragma warning disable CA1031 // A failing sink must not reach the work.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SelfLog.Write($"telemetry: sink {sink.GetType().Name} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
