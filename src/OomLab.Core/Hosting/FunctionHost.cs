using System.Diagnostics;
using OomLab.Storage;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <summary>
/// A function host for one blob-triggered function: discovers blobs, queues one invocation per blob
/// version, dispatches them to worker processes within the batch and concurrency settings, retries and
/// poisons failures, publishes outputs and writes receipts, and records it all as telemetry.
/// Telemetry is stamped with the given <see cref="TimeProvider"/> (the lab's compressed clock);
/// durations and waits are real time.
/// </summary>
internal sealed partial class FunctionHost
{
    private readonly FunctionHostOptions options;
    private readonly ITelemetrySink sink;
    private readonly TimeProvider time;
    private long lastActivity = Stopwatch.GetTimestamp();
    private IBlobDiscovery? discovery;
    private StagingSlots? stagingSlots;

    public FunctionHost(FunctionHostOptions options, ITelemetrySink sink, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options;
        this.sink = new HostLogMirror(new SafeFanOutSink(sink), static () => Environment.ProcessId);
        time = timeProvider;
    }

    /// <summary>Live counters of this host's work.</summary>
    public HostCounters Counters { get; } = new();

    /// <summary>The running worker pool, once started (for live memory display); null before.</summary>
    public WorkerPool? Workers { get; private set; }

    /// <summary>
    /// Runs the host until <paramref name="cancellationToken"/> is cancelled or, with
    /// <see cref="FunctionHostOptions.StopWhenIdleFor"/>, until the queue has been idle that long.
    /// Invocations still running when it stops are returned to the queue without charging a retry.
    /// </summary>
    public async Task<HostRunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = Stopwatch.GetTimestamp();
        Trace(HostTraces.Starting(options.AppName, options.InstanceName, Environment.ProcessId), SeverityLevel.Information);

        var storage = options.Storage ?? new FolderStorage(options.Layout, options.InputContainer, options.OutputContainer);
        using var queue = storage.OpenQueue(options.Settings.MaxDequeueCount, time);

        var poolOptions = options.CreateWorkerPoolOptions();
        await using var pool = new WorkerPool(poolOptions, sink, time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Discovery starts with the workers: a backlog is scanned and queued while they start.
        var discovering = Task.Run(() => DiscoverAsync(storage, queue, stopping.Token), CancellationToken.None);
        try
        {
            await StartWorkersAsync(pool, cancellationToken);
        }
        catch
        {
            await stopping.CancelAsync();
            await discovering;
            throw;
        }

        Workers = pool;
        StartAdmission(pool);
        stagingSlots = new StagingSlots(storage.Output.StagingRoot);

        var startup = Stopwatch.GetElapsedTime(startedAt);
        Trace(HostTraces.JobHostStarted, SeverityLevel.Information);
        Trace(HostTraces.Started(startup), SeverityLevel.Information);

        var background = Task.WhenAll(
            discovering,
            HeartbeatAsync(pool, stopping.Token),
            RenewLeasesAsync(queue, stopping.Token),
            CompleteAsync(queue, storage.Output));
        var tasks = new List<Task>();
        try
        {
            await DispatchAsync(queue, pool, storage, tasks, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await stopping.CancelAsync();
            await Task.WhenAll(tasks);
            completions.Writer.TryComplete();
            await background;
            Trace(HostTraces.Stopping, SeverityLevel.Information);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Counters.ToSummary(startup);
    }

    private async Task StartWorkersAsync(WorkerPool pool, CancellationToken cancellationToken)
    {
        try
        {
            await pool.StartAsync(cancellationToken);
        }
        catch (WorkerStartException ex) when (ex.WorkerExitCode > 128)
        {
            // A worker that dies of a signal before it is ready was killed over the ceiling, or its runtime could
            // not start inside the heap limit derived from it: either way the ceiling is below an idle worker.
            throw new CeilingTooSmallException(
                $"memory ceiling {options.Ceiling} is too small for an idle worker: {ex.WorkerId} died while starting (exit code {ex.WorkerExitCode}); raise --ceiling",
                options.Ceiling.Bytes,
                0);
        }
    }

    private void Touch() => Interlocked.Exchange(ref lastActivity, Stopwatch.GetTimestamp());

    private async Task HeartbeatAsync(WorkerPool pool, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // A heartbeat only while every worker is up: its gaps are the crash windows.
                if (pool.ReadyCount == pool.Options.WorkerCount)
                {
                    Trace(HostTraces.Heartbeat, SeverityLevel.Verbose);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
