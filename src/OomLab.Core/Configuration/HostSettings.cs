namespace OomLab.Configuration;

/// <summary>
/// How the host dispatches blobs, in the shape of a Functions host's queue settings. Immutable; the
/// constructor validates. Build it from host.json and app settings with <see cref="HostSettingsLoader"/>.
/// </summary>
internal sealed class HostSettings
{
    /// <summary>Azure's largest <c>batchSize</c>.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>Azure's largest <c>FUNCTIONS_WORKER_PROCESS_COUNT</c>.</summary>
    public const int MaxWorkerProcessCount = 10;

    /// <param name="batchSize">Messages leased at once; default 16, 1 to 32 (<c>extensions.queues.batchSize</c>, <c>BLOB_BATCH_SIZE</c>).</param>
    /// <param name="newBatchThreshold">Fetch a new batch when fewer than this are running; default <c>batchSize / 2</c>.</param>
    /// <param name="maxDequeueCount">Attempts before a blob is poisoned; default 5.</param>
    /// <param name="visibilityTimeout">Delay before a failed blob is retried; default zero.</param>
    /// <param name="maxConcurrentInvocations">Cap on invocations running at once on the instance; default <c>batchSize + newBatchThreshold</c>.</param>
    /// <param name="workerProcessCount">Worker processes; default 1, 1 to 10.</param>
    /// <param name="payloadGuardMaxBytes">Blobs larger than this are poisoned before dispatch; default null (no guard).</param>
    /// <param name="functionTimeout">host.json <c>functionTimeout</c>: null when unset (the plan's default applies, see
    /// <see cref="FunctionTimeoutFor"/>), <see cref="Timeout.InfiniteTimeSpan"/> for <c>-1</c> (no limit).</param>
    public HostSettings(
        int batchSize = 16,
        int? newBatchThreshold = null,
        int maxDequeueCount = 5,
        TimeSpan visibilityTimeout = default,
        int? maxConcurrentInvocations = null,
        int workerProcessCount = 1,
        ByteSize? payloadGuardMaxBytes = null,
        TimeSpan? functionTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        var threshold = newBatchThreshold ?? batchSize / 2;
        ArgumentOutOfRangeException.ThrowIfNegative(threshold, nameof(newBatchThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var concurrency = maxConcurrentInvocations ?? batchSize + threshold;
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, nameof(maxConcurrentInvocations));
        ArgumentOutOfRangeException.ThrowIfLessThan(workerProcessCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workerProcessCount, MaxWorkerProcessCount);
        if (payloadGuardMaxBytes is { Bytes: <= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(payloadGuardMaxBytes), payloadGuardMaxBytes, "must be larger than zero");
        }

        BatchSize = batchSize;
        NewBatchThreshold = threshold;
        MaxDequeueCount = maxDequeueCount;
        VisibilityTimeout = visibilityTimeout;
        MaxConcurrentInvocations = concurrency;
        WorkerProcessCount = workerProcessCount;
        PayloadGuardMaxBytes = payloadGuardMaxBytes;
        if (functionTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(functionTimeout), functionTimeout, "must be positive, or -1 for no limit");
        }

        FunctionTimeout = functionTimeout;
    }

    /// <summary>Azure's defaults.</summary>
    public static HostSettings Default { get; } = new();

    public int BatchSize { get; }

    public int NewBatchThreshold { get; }

    public int MaxDequeueCount { get; }

    public TimeSpan VisibilityTimeout { get; }

    public int MaxConcurrentInvocations { get; }

    public int WorkerProcessCount { get; }

    public ByteSize? PayloadGuardMaxBytes { get; }

    /// <summary>host.json <c>functionTimeout</c> as written; null when unset.</summary>
    public TimeSpan? FunctionTimeout { get; }

    /// <summary>
    /// The invocation time limit in force on a plan: <c>functionTimeout</c> when set (null for <c>-1</c>: none), else the
    /// Functions host's default, 5 minutes on Consumption and 30 minutes on the other plans.
    /// </summary>
    public TimeSpan? FunctionTimeoutFor(bool consumption) =>
        FunctionTimeout is { } set ? (set == Timeout.InfiniteTimeSpan ? null : set) : consumption ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(30);

    public override string ToString() =>
        $"batchSize={BatchSize} newBatchThreshold={NewBatchThreshold} maxDequeueCount={MaxDequeueCount} " +
        $"visibilityTimeout={VisibilityTimeout:c} maxConcurrentInvocations={MaxConcurrentInvocations} " +
        $"workerProcessCount={WorkerProcessCount} payloadGuardMaxBytes={PayloadGuardMaxBytes?.ToString() ?? "none"}";
}
