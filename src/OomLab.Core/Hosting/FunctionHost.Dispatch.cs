using System.Collections.Concurrent;
using System.Diagnostics;
using OomLab.Hosting.Admission;
using OomLab.Queue;
using OomLab.Workers;
using OomLab.Storage;

namespace OomLab.Hosting;

internal sealed partial class FunctionHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim wakeSignal = new(0, 1);
    private readonly ConcurrentDictionary<string, LeasedMessage> running = new(StringComparer.Ordinal);

    /// <summary>
    /// The queue trigger's loop: lease a batch when no more than <c>newBatchThreshold</c> invocations are
    /// running, never more than <c>MAX_CONCURRENT_INVOCATIONS</c> at once; otherwise wait to be woken by
    /// an arrival or a finished invocation (or poll for retries becoming visible).
    /// </summary>
    private async Task DispatchAsync(
        IWorkQueue queue, WorkerPool pool, IStorageBackend storage, List<Task> tasks, CancellationToken cancellationToken)
    {
        var settings = options.Settings;

        // Leased but not yet started: admission may hold an input back until running ones end.
        var pending = new Queue<LeasedMessage>();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inFlight = Counters.InFlight;
                var free = settings.MaxConcurrentInvocations - inFlight;
                if (pending.Count == 0 && inFlight <= settings.NewBatchThreshold && free > 0)
                {
                    foreach (var lease in queue.Lease((int)Math.Min(settings.BatchSize, free), options.LeaseDuration))
                    {
                        pending.Enqueue(lease);
                    }
                }

                var startedAny = false;
                while (pending.TryPeek(out var lease) && Counters.InFlight < settings.MaxConcurrentInvocations)
                {
                    var verdict = Admit(lease, queue, out var ticket);
                    if (verdict == AdmissionVerdict.Deferred)
                    {
                        break;
                    }

                    pending.Dequeue();
                    startedAny = true;
                    if (verdict == AdmissionVerdict.Admitted)
                    {
                        Counters.EnterInvocation();
                        Touch();
                        tasks.Add(Task.Run(() => ProcessAsync(lease, ticket, queue, pool, storage, cancellationToken), CancellationToken.None));
                    }
                }

                tasks.RemoveAll(t => t.IsCompleted);
                if (startedAny)
                {
                    continue;
                }

                if (pending.Count == 0 && options.StopWhenIdleFor is { } idle && IsIdle(queue, idle))
                {
                    return;
                }

                await wakeSignal.WaitAsync(PollInterval, cancellationToken);
            }
        }
        finally
        {
            // Never started: back to the queue without charging an attempt.
            if (pending.Count > 0)
            {
                queue.Abandon(pending);
            }
        }
    }

    private bool IsIdle(IWorkQueue queue, TimeSpan idle)
    {
        // Nor is the start scan, however long a large container takes to list; nor a blob written in place waiting
        // out its quiet period.
        if (Counters.InFlight != 0 || Volatile.Read(ref enqueuing) != 0 || Stopwatch.GetElapsedTime(Interlocked.Read(ref lastActivity)) < idle
            || discovery is not { Ready.IsCompleted: true, Waiting: 0 })
        {
            return false;
        }

        return queue.IsDrained();
    }

    private async Task ProcessAsync(
        LeasedMessage lease, AdmissionTicket? ticket, IWorkQueue queue, WorkerPool pool, IStorageBackend storage, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        var slots = stagingSlots ?? throw new InvalidOperationException("the host is not running");
        var staging = slots.Rent();
        running[invocationId] = lease;
        var succeededRun = false;
        try
        {
            if (options.Settings.PayloadGuardMaxBytes is { } guard && lease.Length > guard.Bytes)
            {
                var reason = HostTraces.PayloadGuard(lease.Name.Value, lease.Length, guard.Bytes);
                queue.Poison(lease, reason);
                Counters.AddPoisoned();
                LogHost(reason, Telemetry.SeverityLevel.Warning, invocationId);
                return;
            }

            var container = options.InputContainer.Value;
            InvocationOutcome outcome;
            DateTimeOffset startedAt;
            long startedTimestamp;
            try
            {
                // With deferred binding the worker reads the blob itself; otherwise the host fetches it.
                var reference = storage.ReferenceFor(lease) is { } blob && options.Transport.ReadsItself(blob) ? blob : null;
                using var input = reference is null ? await storage.FetchInputAsync(lease, staging, cancellationToken) : null;
                var request = new InvocationRequest(invocationId, lease.Name.Value, input?.Path ?? string.Empty, lease.Length, staging, container, Reference: reference);
                startedAt = time.GetUtcNow();
                startedTimestamp = Stopwatch.GetTimestamp();
                LogFunction(startedAt, "Information", HostTraces.Executing(options.FunctionName, container, lease.Name.Value, invocationId), invocationId);
                outcome = await pool.InvokeAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the blob did not fail, so its attempt is not charged.
                queue.Abandon([lease]);
                StagingSlots.Empty(staging);
                return;
            }
            catch (BlobChangedException gone)
            {
                // Production drops such a message as done: a newer version has a message of its own.
                queue.Complete([new Completion(lease, invocationId, [])]);
                LogHost(gone.Message, Telemetry.SeverityLevel.Information, invocationId);
                return;
            }

            switch (outcome)
            {
                case InvocationSucceeded succeeded:
                    await SucceedAsync(lease, staging, startedAt, startedTimestamp, succeeded);
                    succeededRun = true;
                    break;
                case InvocationFailed failed:
                    StagingSlots.Empty(staging);
                    Counters.AddFailed(failed.IsOutOfMemory);
                    RecordFailure(startedAt, lease, failed);
                    Settle(queue, lease, $"{failed.ExceptionType}: {failed.Message}", charge: true);
                    break;
                case InvocationWorkerLost lost:
                    StagingSlots.Empty(staging);
                    Counters.AddWorkerLost();
                    RecordWorkerLost(startedAt, lease, lost);
                    Settle(queue, lease, WorkerLostReason(lost), charge: !lost.Exit.RestartedForTimeout && IsCulprit(lost));
                    break;
            }
        }
#pragma warning disable CA1031 // Any failure here (publishing outputs, a bug) must end in a retry with its reason, never a lost blob.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            StagingSlots.Empty(staging);
            Telemetry.SelfLog.Write($"invocation {invocationId} for blob {lease.Name.Value} failed in the host: {ex}");
            TrySettle(queue, lease, $"host error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            slots.Return(staging);
            ReleaseAdmission(ticket, lease, succeededRun);
            running.TryRemove(invocationId, out _);
            Counters.ExitInvocation();
            Touch();
            Wake();
        }
    }

    private async Task SucceedAsync(
        LeasedMessage lease, string staging, DateTimeOffset startedAt, long startedTimestamp, InvocationSucceeded succeeded)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await completions.Writer.WriteAsync(new PendingCompletion(lease, succeeded.InvocationId, staging, succeeded.Outputs, done));
        if (await done.Task)
        {
            Counters.AddSucceeded();
        }
        else
        {
            Telemetry.SelfLog.Write($"lease of blob {lease.Name.Value} was lost before its receipt; it will run again");
        }

        RecordSuccess(startedAt, lease, succeeded, Stopwatch.GetElapsedTime(startedTimestamp));
    }

    private void Wake()
    {
        if (wakeSignal.CurrentCount == 0)
        {
            try
            {
                wakeSignal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it first: one wake is enough.
            }
        }
    }
}
