namespace OomLab.Hosting;

/// <summary>
/// Live counters of a host run, safe to read from another thread (the CLI's progress display): a view of the host's
/// <see cref="RunCounters"/>, which its dispatch feeds.
/// </summary>
internal sealed class HostCounters
{
    /// <param name="counters">The counter set to feed and read; a new one by default.</param>
    public HostCounters(RunCounters? counters = null) => Set = counters ?? new RunCounters();

    /// <summary>The counter set behind this view.</summary>
    public RunCounters Set { get; }

    public long Enqueued => Set.Enqueued;

    public long Succeeded => Set.Succeeded;

    public long Failed => Set.Failed;

    public long OutOfMemory => Set.OutOfMemory;

    public long WorkerLost => Set.WorkerLost;

    public long Poisoned => Set.Poisoned;

    public long InFlight => Set.InFlight;

    internal void AddEnqueued(int count) => Set.AddEnqueued(count);

    internal void AddSucceeded() => Set.AddSucceeded();

    internal void AddFailed(bool outOfMemory) => Set.AddFailed(outOfMemory);

    internal void AddWorkerLost() => Set.AddWorkerLost();

    internal void AddPoisoned() => Set.AddPoisoned();

    internal long EnterInvocation() => Set.EnterInvocation();

    internal long ExitInvocation() => Set.ExitInvocation();

    internal HostRunSummary ToSummary(TimeSpan startup) =>
        new(Enqueued, Succeeded, Failed, OutOfMemory, WorkerLost, Poisoned, startup);
}
