using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// Passes telemetry on to the store and counts, on the way, what the summary reports: worker exits with code
/// 137, <see cref="OutOfMemoryException"/>s, requests, and the instance's peak Private Bytes per deployment.
/// </summary>
internal sealed class ScenarioTally(ITelemetrySink inner, int deployments) : ITelemetrySink
{
    private const string OutOfMemoryType = "System.OutOfMemoryException";
    private static readonly string Exit137 = WorkerTraces.Exited(137);
    private readonly long[] peaks = new long[deployments];
    private int current;
    private int exits137;
    private int outOfMemory;
    private int requests;
    private int failedRequests;

    public int Exits137 => Volatile.Read(ref exits137);

    public int OutOfMemoryExceptions => Volatile.Read(ref outOfMemory);

    public int Requests => Volatile.Read(ref requests);

    public int FailedRequests => Volatile.Read(ref failedRequests);

    /// <summary>The peak instance Private Bytes seen while each deployment ran.</summary>
    public IReadOnlyList<long> Peaks => [.. peaks];

    /// <summary>Readings from now on belong to deployment <paramref name="index"/>.</summary>
    public void Enter(int index) => Volatile.Write(ref current, index);

    public void Emit(TelemetryItem item)
    {
        switch (item)
        {
            case PerformanceCounterTelemetry { Counter: CounterNames.PrivateBytes, Instance: WorkerPool.TotalInstance } counter:
                ref var peak = ref peaks[Volatile.Read(ref current)];
                var value = (long)counter.Value;
                long seen;
                while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
                {
                }

                break;
            case TraceTelemetry trace when trace.Message == Exit137:
                Interlocked.Increment(ref exits137);
                break;
            case ExceptionTelemetry { Type: OutOfMemoryType }:
                Interlocked.Increment(ref outOfMemory);
                break;
            case RequestTelemetry request:
                Interlocked.Increment(ref requests);
                if (!request.Success)
                {
                    Interlocked.Increment(ref failedRequests);
                }

                break;
        }

        inner.Emit(item);
    }
}
