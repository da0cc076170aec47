namespace OomLab.Hosting;

/// <summary>Live counters of a host run, safe to read from another thread (the CLI's progress display).</summary>
internal sealed class HostCounters
{
    private long enqueued;
    private long succeeded;
    private long failed;
    private long outOfMemory;
    private long workerLost;
    private long poisoned;
    private long inFlight;

    public long Enqueued => Interlocked.Read(ref enqueued);

    public long Succeeded => Interlocked.Read(ref succeeded);

    public long Failed => Interlocked.Read(ref failed);

    public long OutOfMemory => Interlocked.Read(ref outOfMemory);

    public long WorkerLost => Interlocked.Read(ref workerLost);

    public long Poisoned => Interlocked.Read(ref poisoned);

    public long InFlight => Interlocked.Read(ref inFlight);

    internal void AddEnqueued(int count) => Interlocked.Add(ref enqueued, count);

    internal void AddSucceeded() => Interlocked.Increment(ref succeeded);

    internal void AddFailed(bool outOfMemory)
    {
        Interlocked.Increment(ref failed);
        if (outOfMemory)
        {
            Interlocked.Increment(ref this.outOfMemory);
        }
    }

    internal void AddWorkerLost() => Interlocked.Increment(ref workerLost);

    internal void AddPoisoned() => Interlocked.Increment(ref poisoned);

    internal long EnterInvocation() => Interlocked.Increment(ref inFlight);

    internal long ExitInvocation() => Interlocked.Decrement(ref inFlight);

    internal HostRunSummary ToSummary(TimeSpan startup) =>
        new(Enqueued, Succeeded, Failed, OutOfMemory, WorkerLost, Poisoned, startup);
}
