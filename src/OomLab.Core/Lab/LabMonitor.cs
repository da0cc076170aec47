using System.Collections.Concurrent;
using OomLab.Hosting;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Lab;

/// <summary>
/// Watches the telemetry stream as it passes to the store: counts it in the run's <see cref="RunCounters"/>, and keeps
/// for the live display the latest Private Bytes per worker and for the instance, and the last worker exits and
/// restarts. Never throws.
/// </summary>
internal sealed class LabMonitor(ITelemetrySink inner, RunCounters counters) : ITelemetrySink
{
    private readonly ConcurrentDictionary<string, double> privateBytes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> events = new();

    /// <summary>The run's counts, which this monitor feeds.</summary>
    public RunCounters Counters => counters;

    public long Exits => counters.Exits;

    public long Restarts => counters.Restarts;

    public long OutOfMemory => counters.OutOfMemory;

    /// <summary>The highest instance Private Bytes so far, in bytes.</summary>
    public double PeakPrivateBytes => counters.PeakPrivateBytes;

    /// <summary>The latest Private Bytes of each worker, by counter instance (the instance total is <c>_Total</c>).</summary>
    public IReadOnlyDictionary<string, double> PrivateBytes => new Dictionary<string, double>(privateBytes, StringComparer.Ordinal);

    /// <summary>The last few lifecycle events, oldest first.</summary>
    public IReadOnlyList<string> RecentEvents => [.. events];

    public void Emit(TelemetryItem item)
    {
        inner.Emit(item);
        counters.Observe(item);
        switch (item)
        {
            case PerformanceCounterTelemetry { Counter: CounterNames.PrivateBytes } counter:
                privateBytes[counter.Instance] = counter.Value;
                break;
            case TraceTelemetry trace when Workers.WorkerTraces.IsExited(trace.Message)
                || trace.Message.StartsWith(WorkerTraces.Restarting, StringComparison.Ordinal):
                Remember(trace);
                break;
        }
    }

    private void Remember(TraceTelemetry trace)
    {
        events.Enqueue($"{trace.Timestamp:HH:mm:ss} {trace.Message}");
        while (events.Count > 6 && events.TryDequeue(out _))
        {
        }
    }
}
