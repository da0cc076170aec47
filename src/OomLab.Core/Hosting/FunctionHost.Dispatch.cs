using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using OomLab.Blobs;
using OomLab.Queue;
using OomLab.Workers;

namespace OomLab.Hosting;

internal sealed partial class FunctionHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim wakeSignal = new(0, 1);
    private readonly ConcurrentDictionary<string, LeasedMessage> running = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<WorkerExit, string> culprits = [];

    /// <summary>
    /// The queue trigger's loop: lease a batch when no more than <c>newBatchThreshold</c> invocations are
    /// running, never more than <c>MAX_CONCURRENT_INVOCATIONS</c> at once; otherwise wait to be woken by
    /// an arrival or a finished invocation (or poll for retries becoming visible).
    /// </summary>
    private async Task DispatchAsync(
        BlobQueue queue, WorkerPool pool, BlobContainer input, BlobContainer output, List<Task> tasks, CancellationToken cancellationToken)
    {
        var settings = options.Settings;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inFlight = Counters.InFlight;
            var free = settings.MaxConcurrentInvocations - inFlight;
            var leasedAny = false;
            if (inFlight <= settings.NewBatchThreshold && free > 0)
            {
                var leased = queue.Lease((int)Math.Min(settings.BatchSize, free), options.LeaseDuration);
                foreach (var lease in leased)
                {
                    Counters.EnterInvocation();
                    Touch();
                    tasks.Add(Task.Run(() => ProcessAsync(lease, queue, pool, input, output, cancellationToken), CancellationToken.None));
                }

                tasks.RemoveAll(t => t.IsCompleted);
                leasedAny = leased.Count > 0;
            }

            if (leasedAny)
            {
                continue;
            }

            if (options.StopWhenIdleFor is { } idle && IsIdle(queue, idle))
            {
                return;
            }

            await wakeSignal.WaitAsync(PollInterval, cancellationToken);
        }
    }

    private bool IsIdle(BlobQueue queue, TimeSpan idle)
    {
        // Nor is the start scan, however long a large container takes to list; nor a blob written in place waiting
        // out its quiet period.
        if (Counters.InFlight != 0 || Stopwatch.GetElapsedTime(Interlocked.Read(ref lastActivity)) < idle
            || discovery is not { Ready.IsCompleted: true, Waiting: 0 })
        {
            return false;
        }

        var status = queue.GetStatus(poisonLimit: 0);
        return status.Queued == 0 && status.Leased == 0;
    }

    private async Task ProcessAsync(
        LeasedMessage lease, BlobQueue queue, WorkerPool pool, BlobContainer input, BlobContainer output, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        var slots = stagingSlots ?? throw new InvalidOperationException("the host is not running");
        var staging = slots.Rent();
        running[invocationId] = lease;
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

            var request = new InvocationRequest(invocationId, lease.Name.Value, input.GetPath(lease.Name), lease.Length, staging, input.Name.Value);
            var startedAt = time.GetUtcNow();
            var startedTimestamp = Stopwatch.GetTimestamp();
            LogFunction(startedAt, "Information", HostTraces.Executing(options.FunctionName, input.Name.Value, lease.Name.Value, invocationId), invocationId);

            InvocationOutcome outcome;
            try
            {
                outcome = await pool.InvokeAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the blob did not fail, so its attempt is not charged.
                queue.Abandon([lease]);
                OutputPublisher.Discard(staging);
                return;
            }

            switch (outcome)
            {
                case InvocationSucceeded succeeded:
                    await SucceedAsync(lease, staging, startedAt, startedTimestamp, succeeded);
                    break;
                case InvocationFailed failed:
                    OutputPublisher.Discard(staging);
                    Counters.AddFailed(failed.IsOutOfMemory);
                    RecordFailure(startedAt, lease, failed);
                    Settle(queue, lease, $"{failed.ExceptionType}: {failed.Message}", charge: true);
                    break;
                case InvocationWorkerLost lost:
                    OutputPublisher.Discard(staging);
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
            OutputPublisher.Discard(staging);
            Telemetry.SelfLog.Write($"invocation {invocationId} for blob {lease.Name.Value} failed in the host: {ex}");
            TrySettle(queue, lease, $"host error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            slots.Return(staging);
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

    /// <summary>
    /// When a worker dies under several invocations, only one of them is charged a retry: the one with the
    /// largest blob, the likeliest cause. The others are returned to the queue uncharged, so that one
    /// oversized blob cannot poison its innocent neighbours.
    /// </summary>
    private bool IsCulprit(InvocationWorkerLost lost)
    {
        var culprit = culprits.GetValue(lost.Exit, exit => exit.InFlight
            .Select(id => (Id: id, Length: running.TryGetValue(id, out var m) ? m.Length : -1))
            .OrderByDescending(x => x.Length)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .FirstOrDefault() ?? lost.InvocationId);
        return culprit == lost.InvocationId;
    }

    private static string WorkerLostReason(InvocationWorkerLost lost) =>
        lost.Exit.KilledOverCeiling
            ? $"worker {lost.WorkerId} was killed over the memory ceiling ({lost.Exit.Ceiling}) and exited with code {lost.Exit.Status.ExitCode}"
            : $"worker {lost.WorkerId} exited with code {lost.Exit.Status.ExitCode}";

    private void Settle(BlobQueue queue, LeasedMessage lease, string reason, bool charge)
    {
        if (!charge)
        {
            queue.Abandon([lease]);
            return;
        }

        var result = queue.Fail(lease, reason, options.Settings.VisibilityTimeout);
        if (result.Outcome == FailOutcome.Poisoned)
        {
            Counters.AddPoisoned();
            LogHost(HostTraces.Poisoned(lease.Name.Value, result.DequeueCount, reason), Telemetry.SeverityLevel.Warning, string.Empty);
        }
    }

    private void TrySettle(BlobQueue queue, LeasedMessage lease, string reason)
    {
        try
        {
            Settle(queue, lease, reason, charge: true);
        }
#pragma warning disable CA1031 // Last resort; the lease expires and the blob comes back on its own.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Telemetry.SelfLog.Write($"could not record the failure of blob {lease.Name.Value}: {ex.Message}");
        }
    }

    /// <summary>
    /// Group commit: takes every completion that is waiting, makes all their outputs durable together (rename
    /// the staged files into place, then flush the file system once), then writes their receipts in one
    /// transaction. A receipt is never written before its outputs are durable; an invocation whose outputs cannot
    /// be published fails alone and goes through the retry path, and a failed flush fails the whole batch.
    /// </summary>
    private async Task CompleteAsync(BlobQueue queue, BlobContainer output)
    {
        var batch = new List<PendingCompletion>();
        var moved = new List<(PendingCompletion Pending, Completion Completion)>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        while (await completions.Reader.WaitToReadAsync())
        {
            while (completions.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            MoveIntoPlace(output, batch, moved, folders);
            try
            {
                OutputPublisher.Flush(output);
                var result = queue.Complete([.. moved.Select(d => d.Completion)]);
                var lost = result.LostLeases.Select(l => l.Id).ToHashSet();
                foreach (var (pending, _) in moved)
                {
                    pending.Done.TrySetResult(!lost.Contains(pending.Lease.Id));
                }
            }
#pragma warning disable CA1031 // The waiting invocations turn this into retries with the reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var (pending, _) in moved)
                {
                    pending.Done.TrySetException(ex);
                }
            }

            batch.Clear();
            moved.Clear();
            folders.Clear();
        }
    }

    private static void MoveIntoPlace(
        BlobContainer output, List<PendingCompletion> batch, List<(PendingCompletion Pending, Completion Completion)> moved, HashSet<string> folders)
    {
        foreach (var pending in batch)
        {
            IReadOnlyList<string> published = [];
            if (Try(pending, () => published = OutputPublisher.MoveIntoPlace(output, pending.Staging, pending.Outputs, folders)))
            {
                moved.Add((pending, new Completion(pending.Lease, pending.InvocationId, published)));
            }
        }

        static bool Try(PendingCompletion pending, Action step)
        {
            try
            {
                step();
                return true;
            }
#pragma warning disable CA1031 // The invocation turns this into a retry with the reason; the rest of the batch goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                pending.Done.TrySetException(ex);
                return false;
            }
        }
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

    private sealed record PendingCompletion(
        LeasedMessage Lease, string InvocationId, string Staging, IReadOnlyList<string> Outputs, TaskCompletionSource<bool> Done);
}
