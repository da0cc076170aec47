using OomLab.Telemetry;

namespace OomLab.Workers;

/// <summary>
/// The host's worker processes for one function: starts <see cref="WorkerPoolOptions.WorkerCount"/> workers,
/// places each invocation on the worker with the fewest in flight, enforces the memory ceiling by killing
/// the largest worker, restarts dead workers with backoff and gives a failing slot a recycle pause.
/// Timestamps come from the given <see cref="TimeProvider"/> (the lab clock); durations and the sampling
/// interval are real time.
/// </summary>
internal sealed partial class WorkerPool : IAsyncDisposable
{
    private readonly WorkerPoolOptions options;
    private readonly ITelemetrySink sink;
    private readonly TimeProvider timeProvider;
    private readonly WorkerSlot[] slots;
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource readySignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task sampling = Task.CompletedTask;
    private int started;
    private int disposed;

    public WorkerPool(WorkerPoolOptions options, ITelemetrySink sink, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options;
        this.sink = new SafeFanOutSink(sink);
        this.timeProvider = timeProvider;
        slots = [.. Enumerable.Range(1, options.WorkerCount).Select(i => new WorkerSlot($"worker-{i}", new FailureBudget(options.MaxFailures, options.FailureWindow)))];
    }

    public WorkerPoolOptions Options => options;

    /// <summary>The idle workers' Private Bytes after their first Ready, summed; known after <see cref="StartAsync"/>.</summary>
    public long IdlePrivateBytes => slots.Sum(s => s.IdlePrivateBytes);

    /// <summary>How many workers are ready now.</summary>
    public int ReadyCount => slots.Count(s => s.Current is { IsReady: true });

    /// <summary>
    /// Starts every worker and waits until each is ready, then starts enforcing the ceiling.
    /// </summary>
    /// <exception cref="WorkerStartException">A worker exited before it was ready; the message carries its error.</exception>
    /// <exception cref="CeilingTooSmallException">The idle workers already hold more than the ceiling.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("the worker pool is already started");
        }

        await options.Transport.StartAsync(cancellationToken);
        foreach (var slot in slots)
        {
            slot.Supervision = Task.Run(() => SuperviseAsync(slot, stopping.Token), CancellationToken.None);
        }

        var firstStarts = await Task.WhenAll(slots.Select(s => s.FirstStart.Task)).WaitAsync(cancellationToken);
        if (firstStarts.FirstOrDefault(e => e is not null) is { } failure)
        {
            throw failure;
        }

        if (IdlePrivateBytes >= options.Ceiling.Bytes)
        {
            throw new CeilingTooSmallException(
                WorkerErrors.CeilingBelowIdleWorkers(options.Ceiling, slots.Length, IdlePrivateBytes), options.Ceiling.Bytes, IdlePrivateBytes);
        }

        sampling = Task.Run(() => SampleAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Runs one invocation on the least busy ready worker, waiting for one when none is ready.
    /// The outcome is a value: succeeded, failed (the function threw) or worker lost (never a hang).
    /// </summary>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            cancellationToken.ThrowIfCancellationRequested();
            var signal = Volatile.Read(ref readySignal);
            if (LeastBusy() is { } worker)
            {
                return options.FunctionTimeout is { } timeout
                    ? await InvokeWithTimeoutAsync(worker, request, timeout, cancellationToken)
                    : await worker.InvokeAsync(request, cancellationToken);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
            try
            {
                await signal.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Our own shutdown, not the caller's cancellation.
                throw new ObjectDisposedException(nameof(WorkerPool));
            }
        }
    }

    /// <summary>
    /// Runs an invocation under <c>functionTimeout</c> (real time, as the function's own time is): past it, the invocation
    /// fails with the Functions host's <c>FunctionTimeoutException</c> and its worker is restarted.
    /// </summary>
    private async Task<InvocationOutcome> InvokeWithTimeoutAsync(WorkerProcess worker, InvocationRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var invocation = worker.InvokeAsync(request, cancellationToken);
        using var expired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(invocation, Task.Delay(timeout, expired.Token));
        if (first == invocation || cancellationToken.IsCancellationRequested)
        {
            await expired.CancelAsync();
            return await invocation;
        }

        Trace(WorkerTraces.TimeoutExceeded(timeout, options.FunctionName, request.InvocationId), SeverityLevel.Error, worker);
        Trace(WorkerTraces.RestartingForTimeout(request.InvocationId), SeverityLevel.Warning, worker);
        worker.RestartForTimeout(request.InvocationId, new InvocationFailed(
            request.InvocationId, worker.WorkerId, WorkerTraces.TimeoutExceptionType, WorkerTraces.TimeoutFailure(timeout, options.FunctionName),
            string.Empty, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        return await invocation;
    }

    /// <summary>Asks every worker to finish its in-flight invocations and stop; kills those that do not in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        await Task.WhenAll(slots.Select(s => s.Current is { } w ? w.ShutdownAsync(options.ShutdownTimeout) : Task.CompletedTask));
        await Task.WhenAll(slots.Select(s => s.Supervision));
        await sampling;
        await options.Transport.DisposeAsync();
        stopping.Dispose();
    }

    private WorkerProcess? LeastBusy()
    {
        WorkerProcess? best = null;
        var bestLoad = int.MaxValue;
        foreach (var slot in slots)
        {
            if (slot.Current is { IsReady: true, IsStopping: false } worker && worker.InFlight < bestLoad)
            {
                best = worker;
                bestLoad = worker.InFlight;
            }
        }

        return best;
    }

    private void SignalReady()
    {
        var previous = Interlocked.Exchange(ref readySignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
