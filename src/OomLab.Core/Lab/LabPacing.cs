using OomLab.Workers;

namespace OomLab.Lab;

/// <summary>
/// How a run scales the worker pool's real-time policies to its compressed clock, and how long its last deployment
/// may drain the queue. A restart does not wait for in-flight invocations (they go back to the queue), as a platform
/// restart does not.
/// </summary>
/// <param name="FailureWindow">The pool's window for counting failures before a recycle.</param>
/// <param name="RecyclePause">The pause before a recycled worker starts again.</param>
/// <param name="HealthyPeriod">How long a worker must stay up to count as healthy again.</param>
/// <param name="HeapLimitFraction">Each worker's GC heap hard limit as a fraction of its ceiling.</param>
/// <param name="ConserveMemory">Run the workers' runtime with <c>GCConserveMemory=9</c>.</param>
/// <param name="HeartbeatInterval">How often the host traces its heartbeat.</param>
/// <param name="DrainLimit">The longest the last deployment may drain the queue after the timeline ends (real time).</param>
/// <param name="StopAllowance">
/// Real time a deployment is given to stop before the next one's window opens, on top of the runner's 30 lab seconds:
/// stopping a host whose in-flight invocations still allocate (and may still be killed over the ceiling) takes real
/// time, which a busy machine stretches; its workers must be gone, and their last exits traced, before the next
/// deployment's window opens.
/// </param>
internal sealed record LabPacing(
    TimeSpan FailureWindow, TimeSpan RecyclePause, TimeSpan HealthyPeriod, double HeapLimitFraction, bool ConserveMemory,
    TimeSpan HeartbeatInterval, TimeSpan DrainLimit, TimeSpan StopAllowance = default)
{
    /// <summary>
    /// The seed lab's: counters four times a second so every 5-minute bin has many readings, and a recycle pause of
    /// seconds rather than half a minute. The managed heap may grow a tenth past the ceiling, so that the
    /// instance-level kill (the seed's exit 137) is about as reachable as the in-process failure (the seed's
    /// MemoryError): with the heap limit at the ceiling itself, the runtime nearly always throws before the instance
    /// crosses it. The queue may drain for two minutes after recovery. The buffering deployment gets 1.5 s of real
    /// time to stop before recovery opens (about a lab minute at the small scale), so that its last ceiling kill
    /// cannot land in the recovery window under CPU contention.
    /// </summary>
    public static LabPacing Seed { get; } = new(
        FailureWindow: TimeSpan.FromSeconds(30), RecyclePause: TimeSpan.FromSeconds(2), HealthyPeriod: TimeSpan.FromSeconds(5),
        HeapLimitFraction: 1.1, ConserveMemory: false, HeartbeatInterval: TimeSpan.FromSeconds(1), DrainLimit: TimeSpan.FromMinutes(2),
        StopAllowance: TimeSpan.FromSeconds(1.5));

    /// <summary>
    /// The seed lab's for its Python apps: as <see cref="Seed"/>, with the worker's memory limit (its address-space
    /// budget) at 60 % of the ceiling rather than 110 %. The host holds every payload it sends as well, so with the
    /// budget at or past the ceiling the instance-level kill (exit 137) always comes first; at 60 % an incident blob
    /// alone fits the worker's receive but fails its processing with MemoryError, while load 2's blobs fit (docs/LAB.md).
    /// At 70 % a run now and then had the kill first for every incident invocation and no MemoryError at all.
    /// </summary>
    public static LabPacing SeedPython { get; } = Seed with { HeapLimitFraction = 0.6 };

    /// <summary>
    /// A scenario's, for a clock compressed even harder than the seed lab's: quicker recycles and heartbeats. The
    /// workers' runtime is set to conserve memory (<c>GCConserveMemory=9</c>, as for a memory-constrained container):
    /// it compacts the large object heap and gives freed memory back, so memory follows what invocations hold.
    /// Without it, garbage from finished invocations piles up to the ceiling whatever the concurrency, and no
    /// concurrency setting could avoid the kill.
    /// </summary>
    public static LabPacing Scenario(double heapLimitFraction) => new(
        FailureWindow: TimeSpan.FromSeconds(20), RecyclePause: TimeSpan.FromSeconds(1), HealthyPeriod: TimeSpan.FromSeconds(2),
        HeapLimitFraction: heapLimitFraction, ConserveMemory: true, HeartbeatInterval: TimeSpan.FromMilliseconds(250), DrainLimit: TimeSpan.FromSeconds(8));

    /// <summary>
    /// When, on the lab clock, a deployment that is not the last is stopped: <paramref name="restartLead"/> lab time
    /// before its window closes, plus <see cref="StopAllowance"/> of real time at <paramref name="compression"/>.
    /// </summary>
    public TimeSpan StopAt(LabDeployment deployment, double compression, TimeSpan restartLead)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.End - restartLead - StopAllowance * compression;
    }

    /// <summary>The pool's options with this pacing applied: counters four times a second, quick shutdowns.</summary>
    public WorkerPoolOptions Apply(WorkerPoolOptions workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return workers with
        {
            ShutdownTimeout = TimeSpan.FromMilliseconds(250),
            GcHeapHardLimitFraction = HeapLimitFraction,
            CounterInterval = TimeSpan.FromMilliseconds(250),
            FailureWindow = FailureWindow,
            RecyclePause = RecyclePause,
            HealthyPeriod = HealthyPeriod,
            Environment = ConserveMemory
                ? new Dictionary<string, string>(workers.Environment, StringComparer.Ordinal) { ["DOTNET_GCConserveMemory"] = "9" }
                : workers.Environment,
        };
    }
}
