using OomLab.Configuration;
using OomLab.Memory;

namespace OomLab.Workers;

/// <summary>
/// How a <see cref="WorkerPool"/> starts, watches and restarts its workers. Validated on construction.
/// Every duration here is real time (measured with <see cref="TimeProvider.System"/> and <see cref="System.Diagnostics.Stopwatch"/>),
/// never the pool's <see cref="TimeProvider"/>: in the lab that clock runs many times faster than real time and stamps
/// telemetry only, so a 2-minute failure window or a 30 s recycle pause stays what it says under any compression.
/// </summary>
internal sealed record WorkerPoolOptions
{
    /// <param name="transport">How workers are started and talked to.</param>
    /// <param name="functionName">The function every worker of this pool runs.</param>
    /// <param name="ceiling">The instance's memory ceiling.</param>
    public WorkerPoolOptions(IWorkerTransport transport, string functionName, MemoryCeiling ceiling)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceiling.Bytes);
        Transport = transport;
        FunctionName = functionName;
        Ceiling = ceiling;
    }

    /// <summary>oomlab's own workers (<see cref="Stdio.StdioTransport"/>).</summary>
    /// <param name="command">The program that starts a worker: the <c>oomlab</c> apphost, or <c>dotnet</c>.</param>
    /// <param name="commandPrefix">Arguments before the worker verb: empty for the apphost, <c>[path/oomlab.dll]</c> for <c>dotnet</c>.</param>
    /// <param name="functionsAssembly">Path of the assembly holding the function.</param>
    /// <param name="functionName">The function every worker of this pool runs.</param>
    /// <param name="ceiling">The instance's memory ceiling.</param>
    public WorkerPoolOptions(string command, IReadOnlyList<string> commandPrefix, string functionsAssembly, string functionName, MemoryCeiling ceiling)
        : this(new Stdio.StdioTransport(command, commandPrefix, functionsAssembly), functionName, ceiling)
    {
    }

    /// <summary>How workers are started and talked to.</summary>
    public IWorkerTransport Transport { get; }

    public string FunctionName { get; }

    public MemoryCeiling Ceiling { get; }

    /// <summary>Worker processes per instance (<c>FUNCTIONS_WORKER_PROCESS_COUNT</c>); 1 by default, 1-10.</summary>
    public int WorkerCount { get; init => field = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(WorkerCount), value, "1 to 10"); } = 1;

    /// <summary>How often every worker's memory is read and the ceiling enforced (real time); 50 ms by default, 1 ms to 100 ms (10 Hz or faster).</summary>
    public TimeSpan SamplingInterval { get; init => field = value >= TimeSpan.FromMilliseconds(1) && value <= TimeSpan.FromMilliseconds(100) ? value : throw new ArgumentOutOfRangeException(nameof(SamplingInterval), value, "1 ms to 100 ms"); } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often memory readings become <c>performanceCounters</c> rows (real time); 1 s by default. A reading that triggers a kill is always recorded.</summary>
    public TimeSpan CounterInterval { get; init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(CounterInterval), value, "positive"); } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each worker's GC heap hard limit as a fraction of the ceiling; 1.0 by default, 0 for none.
    /// At 1.0 both deaths stay reachable: one allocation that cannot fit under the limit (a large blob's
    /// buffer) fails in-process with <see cref="OutOfMemoryException"/>, while a heap that fills up close to
    /// the limit plus the runtime's own anonymous memory (stacks, JIT, native buffers) crosses the ceiling
    /// and the worker is killed. Below about 0.95 the heap can never push a lone worker over the ceiling.
    /// </summary>
    public double GcHeapHardLimitFraction { get; init => field = value is >= 0 and <= 4 ? value : throw new ArgumentOutOfRangeException(nameof(GcHeapHardLimitFraction), value, "0 to 4"); } = 1.0;

    /// <summary>First restart delay after an unexpected exit (real time); 250 ms by default, doubling per consecutive failure; 0 to 1 day.</summary>
    public TimeSpan RestartBackoffInitial { get; init => field = OptionRange.UpToADay(value, nameof(RestartBackoffInitial)); } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest restart delay (real time); 10 s by default, 0 to 1 day.</summary>
    public TimeSpan RestartBackoffMax { get; init => field = OptionRange.UpToADay(value, nameof(RestartBackoffMax)); } = TimeSpan.FromSeconds(10);

    /// <summary>A worker that lived this long (real time) before dying restarts with the initial delay again; 30 s by default, 0 to 1 day.</summary>
    public TimeSpan HealthyPeriod { get; init => field = OptionRange.UpToADay(value, nameof(HealthyPeriod)); } = TimeSpan.FromSeconds(30);

    /// <summary>Unexpected exits of one slot within <see cref="FailureWindow"/> after which the slot gives up and recycles; 10 by default.</summary>
    public int MaxFailures { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFailures)); } = 10;

    /// <summary>The window <see cref="MaxFailures"/> counts in (real time); 2 minutes by default, 1 ms to 1 day.</summary>
    public TimeSpan FailureWindow { get; init => field = OptionRange.PositiveUpToADay(value, nameof(FailureWindow)); } = TimeSpan.FromMinutes(2);

    /// <summary>How long a slot that gave up waits before starting afresh (real time); 30 s by default, 0 to 1 day.</summary>
    public TimeSpan RecyclePause { get; init => field = OptionRange.UpToADay(value, nameof(RecyclePause)); } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker may take to say Ready (real time); 30 s by default, 1 ms to 1 day.</summary>
    public TimeSpan StartTimeout { get; init => field = OptionRange.PositiveUpToADay(value, nameof(StartTimeout)); } = TimeSpan.FromSeconds(30);

    /// <summary>How long shutdown waits for in-flight invocations before killing (real time); 10 s by default, 0 to 1 day.</summary>
    public TimeSpan ShutdownTimeout { get; init => field = OptionRange.UpToADay(value, nameof(ShutdownTimeout)); } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest an invocation may run (host.json <c>functionTimeout</c>); null for no limit (the default). When it passes,
    /// the invocation fails with <c>FunctionTimeoutException</c> and its worker is restarted, as the Functions host does;
    /// that restart does not count against <see cref="MaxFailures"/>.
    /// </summary>
    public TimeSpan? FunctionTimeout { get; init => field = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(FunctionTimeout), value, "positive"); }

    /// <summary>Extra environment variables for workers (app settings); none by default.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init => field = value ?? throw new ArgumentNullException(nameof(Environment)); } = new Dictionary<string, string>();

    /// <summary>The GC heap hard limit in bytes given to each worker, or 0 for none.</summary>
    public long GcHeapHardLimitBytes => GcHeapHardLimitFraction == 0 ? 0 : checked((long)(Ceiling.Bytes * GcHeapHardLimitFraction));
}
