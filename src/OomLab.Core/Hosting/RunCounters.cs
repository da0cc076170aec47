using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <summary>
/// The one set of counts of a host or a lab run: blobs queued, invocations and their outcomes (succeeded, failed,
/// <see cref="OutOfMemoryException"/>, worker lost, poisoned, in flight), requests, worker exits and restarts, and
/// the instance's peak Private Bytes for each segment of the run (a deployment). Every view reads these:
/// <see cref="HostCounters"/> (a host's progress), the lab's live display and a scenario's tally.
/// Safe to update and read from any thread: counts are <see cref="Interlocked"/>, a peak only ever rises
/// (compare-and-swap), so concurrent readings never lose the highest.
/// </summary>
/// <remarks>
/// Fed either by a host's dispatch (through <see cref="HostCounters"/>) or by the telemetry the host emits
/// (<see cref="Observe"/>), never both, so that every event is counted once.
/// </remarks>
internal sealed class RunCounters
{
    private const string OutOfMemoryType = "System.OutOfMemoryException";
    private static readonly string Exit137 = WorkerTraces.Exited(137);

    private readonly long[] peaks;
    private long enqueued;
    private long succeeded;
    private long failed;
    private long outOfMemory;
    private long workerLost;
    private long poisoned;
    private long inFlight;
    private long requests;
    private long failedRequests;
    private long exits;
    private long exits137;
    private long restarts;
    private long peak;
    private int segment;

    /// <param name="segments">How many segments (deployments) the run has, each with its own peak. Default 1.</param>
    public RunCounters(int segments = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segments);
        peaks = new long[segments];
    }

    public long Enqueued => Interlocked.Read(ref enqueued);

    /// <summary>Invocations whose outputs and receipt were committed.</summary>
    public long Succeeded => Interlocked.Read(ref succeeded);

    /// <summary>Invocations that failed with an exception in the function (a worker's death is <see cref="WorkerLost"/>).</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary><see cref="OutOfMemoryException"/>s and Python's <c>MemoryError</c>s: failed invocations, or <c>exceptions</c> rows, of that type.</summary>
    public long OutOfMemory => Interlocked.Read(ref outOfMemory);

    /// <summary>Invocations whose worker died under them.</summary>
    public long WorkerLost => Interlocked.Read(ref workerLost);

    public long Poisoned => Interlocked.Read(ref poisoned);

    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary><c>requests</c> rows, one per finished invocation.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary><c>requests</c> rows with <c>success</c> false: failures and lost workers.</summary>
    public long FailedRequests => Interlocked.Read(ref failedRequests);

    /// <summary>Worker processes that exited, whatever the code.</summary>
    public long Exits => Interlocked.Read(ref exits);

    /// <summary>Worker processes that exited with code 137 (killed, as over the memory ceiling).</summary>
    public long Exits137 => Interlocked.Read(ref exits137);

    public long Restarts => Interlocked.Read(ref restarts);

    /// <summary>The highest instance Private Bytes seen, in bytes.</summary>
    public long PeakPrivateBytes => Interlocked.Read(ref peak);

    /// <summary>The highest instance Private Bytes seen in each segment, in bytes.</summary>
    public IReadOnlyList<long> Peaks => [.. peaks.Select((_, i) => Interlocked.Read(ref peaks[i]))];

    /// <summary>Readings from now on belong to segment <paramref name="index"/>.</summary>
    public void Enter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, peaks.Length);
        Volatile.Write(ref segment, index);
    }

    /// <summary>Counts what a telemetry item records: a request, an exception, a worker's exit or restart, a Private Bytes reading.</summary>
    public void Observe(TelemetryItem item)
    {
        switch (item)
        {
            case PerformanceCounterTelemetry { Counter: CounterNames.PrivateBytes, Instance: WorkerPool.TotalInstance } counter:
                AddPrivateBytes((long)counter.Value);
                break;
            case TraceTelemetry trace when Workers.WorkerTraces.IsExited(trace.Message):
                Interlocked.Increment(ref exits);
                if (trace.Message == Exit137)
                {
                    Interlocked.Increment(ref exits137);
                }

                break;
            case TraceTelemetry trace when trace.Message.StartsWith(WorkerTraces.Restarting, StringComparison.Ordinal):
                Interlocked.Increment(ref restarts);
                break;
            case ExceptionTelemetry exception when exception.Type == OutOfMemoryType || exception.OuterMessage.StartsWith("MemoryError", StringComparison.Ordinal):
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
    }

    /// <summary>Records an instance Private Bytes reading: the current segment's peak and the run's rise to it if it is higher.</summary>
    public void AddPrivateBytes(long bytes)
    {
        Raise(ref peaks[Volatile.Read(ref segment)], bytes);
        Raise(ref peak, bytes);
    }

    internal void AddEnqueued(int count) => Interlocked.Add(ref enqueued, count);

    internal void AddSucceeded() => Interlocked.Increment(ref succeeded);

    internal void AddFailed(bool isOutOfMemory)
    {
        Interlocked.Increment(ref failed);
        if (isOutOfMemory)
        {
            Interlocked.Increment(ref outOfMemory);
        }
    }

    internal void AddWorkerLost() => Interlocked.Increment(ref workerLost);

    internal void AddPoisoned() => Interlocked.Increment(ref poisoned);

    internal long EnterInvocation() => Interlocked.Increment(ref inFlight);

    internal long ExitInvocation() => Interlocked.Decrement(ref inFlight);

    private static void Raise(ref long location, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref location)) && Interlocked.CompareExchange(ref location, value, seen) != seen)
        {
        }
    }
}
