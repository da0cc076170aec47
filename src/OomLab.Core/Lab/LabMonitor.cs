using System.Collections.Concurrent;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Lab;

/// <summary>
/// Watches the telemetry stream as it passes to the store, for the live display: the latest Private Bytes
/// per worker and for the instance, the peak, and worker exits and restarts. Never throws.
/// </summary>
internal sealed class LabMonitor(ITelemetrySink inner) : ITelemetrySink
{
    private readonly ConcurrentDictionary<string, double> privateBytes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> events = new();
    private long exits;
    private long restarts;
    private long outOfMemory;
    private double peak;

    public long Exits => Interlocked.Read(ref exits);

    public long Restarts => Interlocked.Read(ref restarts);

    public long OutOfMemory => Interlocked.Read(ref outOfMemory);

    public double PeakPrivateBytes => Volatile.Read(ref peak);

    /// <summary>The latest Private Bytes of each worker, by counter instance (the instance total is <c>_Total</c>).</summary>
    public IReadOnlyDictionary<string, double> PrivateBytes => new Dictionary<string, double>(privateBytes, StringComparer.Ordinal);

    /// <summary>The last few lifecycle events, oldest first.</summary>
    public IReadOnlyList<string> RecentEvents => [.. events];

    public void Emit(TelemetryItem item)
    {
        inner.Emit(item);
        switch (item)
        {
            case PerformanceCounterTelemetry { Counter: CounterNames.PrivateBytes } counter:
                privateBytes[counter.Instance] = counter.Value;
                if (counter.Instance == WorkerPool.TotalInstance && counter.Value > Volatile.Read(ref peak))
                {
                    Volatile.Write(ref peak, counter.Value);
                }

                break;
            case TraceTelemetry trace when trace.Message.StartsWith("Worker process exited", StringComparison.Ordinal):
                Interlocked.Increment(ref exits);
                Remember(trace);
                break;
            case TraceTelemetry trace when trace.Message.StartsWith(WorkerTraces.Restarting, StringComparison.Ordinal):
                Interlocked.Increment(ref restarts);
                Remember(trace);
                break;
            case ExceptionTelemetry exception when exception.Type == typeof(OutOfMemoryException).FullName:
                Interlocked.Increment(ref outOfMemory);
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
