using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Storage.Azure;

/// <summary>
/// The blob trigger's internal queue <c>azure-webjobs-blobtrigger-&lt;hostId&gt;</c>, shared by every instance, with its
/// receipts in <c>azure-webjobs-hosts/blobreceipts/</c> and the poison queue <c>webjobs-blobtrigger-poison</c>.
/// A lease is the message's visibility timeout (renewed by updating it); a dequeue is counted by the service.
/// <list type="bullet">
/// <item>Enqueue, as the blob trigger does: create the receipt marked <c>Incomplete</c> (If-None-Match *; another
/// instance's receipt means the version is queued or done), put the message, then clear the mark. A mark older than 15 s
/// is a scanner that died in between, and is taken over.</item>
/// <item>Complete: the receipt gets the invocation, its outputs and the time (oomlab marks it only once the outputs are
/// durable), then the message is deleted.</item>
/// <item>A message dequeued more than maxDequeueCount times (its instances were lost) is poisoned without running, as
/// the queue listener does. Dequeues returned uncharged are remembered in the message, since the service cannot take one
/// back.</item>
/// <item>Delivery is at least once, as in production: a version runs twice only when a claim was taken over from a
/// scanner that died after putting the message, or when a lease expired while its invocation still ran.</item>
/// </list>
/// </summary>
internal sealed class AzureWorkQueue : IWorkQueue
{
    private const string IncompleteKey = "Incomplete";
    private const string InvocationKey = "InvocationId";
    private const string InstanceKey = "Instance";
    private const int Parallelism = 16;
    // Longer than a claim-put-clear takes, and than the scan lock: a claim this old belongs to a scanner that died.
    private static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    private readonly AzureStorage storage;
    private readonly QueueClient queue;
    private readonly QueueClient poison;
    private readonly BlobContainerClient hosts;
    private readonly int maxDequeueCount;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<long, Held> held = new();

    // Versions whose receipt another scanner claimed moments ago: tried again until that claim is queued or goes stale.
    private readonly ConcurrentDictionary<string, BlobCandidate> contested = new(StringComparer.Ordinal);
    private long contestedRetryAt;
    private long nextId;
    private long nextToken;

    // Polling backs off while the queue is empty, from 50 ms to a second; an enqueue here ends the wait at once.
    private long emptyUntil;
    private TimeSpan emptyBackoff = TimeSpan.Zero;

    public AzureWorkQueue(AzureStorage storage, int maxDequeueCount, TimeProvider time)
    {
        this.storage = storage;
        this.maxDequeueCount = maxDequeueCount;
        this.time = time;
        queue = storage.Queues.GetQueueClient(storage.Names.Queue);
        poison = storage.Queues.GetQueueClient(AzureNames.PoisonQueue);
        hosts = storage.Blobs.GetBlobContainerClient(AzureNames.HostsContainer);
    }

    public int EnqueueMany(IEnumerable<BlobCandidate> candidates)
    {
        var added = 0;
        Parallel.ForEach(candidates, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, candidate =>
        {
            if (Enqueue(candidate))
            {
                Interlocked.Increment(ref added);
            }
        });
        if (added > 0)
        {
            Interlocked.Exchange(ref emptyUntil, 0);
            emptyBackoff = TimeSpan.Zero;
        }

        return added;
    }

    private bool Enqueue(BlobCandidate candidate)
    {
        var etag = candidate.ETag ?? throw new ArgumentException($"blob {candidate.Name.Value} has no ETag", nameof(candidate));
        var receipt = hosts.GetBlobClient(storage.Names.Receipt(etag, candidate.Name));
        var key = receipt.Name;
        if (Claim(receipt, out var fresh) is not { } claimed)
        {
            if (fresh)
            {
                contested[key] = candidate;
            }
            else
            {
                contested.TryRemove(key, out _);
            }

            return false;
        }

        contested.TryRemove(key, out _);

        var message = new BlobTriggerMessage(
            "BlobTrigger", storage.Names.FunctionId ?? string.Empty, "BlockBlob", storage.Names.Input.Value, candidate.Name.Value, etag, candidate.Length, candidate.ObservedAt);
        queue.SendMessage(message.ToJson());
        try
        {
            // Only the claim itself: an instance may already have run the blob and marked the receipt done.
            receipt.SetMetadata(new Dictionary<string, string>(), new BlobRequestConditions { IfMatch = claimed });
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
        }

        return true;
    }

    /// <summary>
    /// Creates the receipt marked incomplete and returns its ETag; null when the version is queued or done, or when another
    /// scanner claimed it less than 15 s ago (<paramref name="fresh"/>: try again later).
    /// </summary>
    private ETag? Claim(BlobClient receipt, out bool fresh)
    {
        fresh = false;
        try
        {
            return receipt.Upload(
                BinaryData.Empty,
                new BlobUploadOptions
                {
                    Metadata = new Dictionary<string, string> { [IncompleteKey] = IncompleteKey },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }).Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var properties = receipt.GetProperties().Value;
            if (!properties.Metadata.ContainsKey(IncompleteKey))
            {
                return null;
            }

            if (time.GetUtcNow() - properties.LastModified < StaleClaim)
            {
                fresh = true;
                return null;
            }

            try
            {
                return receipt.SetMetadata(
                    new Dictionary<string, string> { [IncompleteKey] = IncompleteKey },
                    new BlobRequestConditions { IfMatch = properties.ETag }).Value.ETag;
            }
            catch (RequestFailedException taken) when (taken.Status == 412)
            {
                return null;
            }
        }
    }

    public IReadOnlyList<LeasedMessage> Lease(int max, TimeSpan leaseDuration)
    {
        RetryContested();
        if (max <= 0 || Stopwatch.GetTimestamp() < Interlocked.Read(ref emptyUntil))
        {
            return [];
        }

        var received = queue.ReceiveMessages(Math.Min(max, 32), leaseDuration).Value;
        if (received.Length == 0)
        {
            emptyBackoff = emptyBackoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromTicks(Math.Min(emptyBackoff.Ticks * 2, MaxPollInterval.Ticks));
            Interlocked.Exchange(ref emptyUntil, Stopwatch.GetTimestamp() + (long)(emptyBackoff.TotalSeconds * Stopwatch.Frequency));
            return [];
        }

        emptyBackoff = TimeSpan.Zero;
        var until = time.GetUtcNow() + leaseDuration;
        var leases = new LeasedMessage?[received.Length];
        Parallel.For(0, received.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i => leases[i] = Take(received[i], until));
        return [.. leases.OfType<LeasedMessage>()];
    }

    /// <summary>
    /// A received message as a lease, or null when it is not one to run: not a blob trigger message, or past its dequeues.
    /// (Duplicates are kept out at enqueue by the receipts: a version with a receipt is never queued again.)
    /// </summary>
    private LeasedMessage? Take(global::Azure.Storage.Queues.Models.QueueMessage item, DateTimeOffset until)
    {
        if (BlobTriggerMessage.TryParse(item.Body.ToString()) is not { } message || !BlobName.TryCreate(message.BlobName, out var name, out _))
        {
            Telemetry.SelfLog.Write($"queue {storage.Names.Queue}: message {item.MessageId} is not a blob trigger message; moved to {AzureNames.PoisonQueue}");
            poison.SendMessage(item.Body.ToString());
            queue.DeleteMessage(item.MessageId, item.PopReceipt);
            return null;
        }

        var attempt = (int)item.DequeueCount - message.Uncharged;
        var entry = new Held(Interlocked.Increment(ref nextId), item.MessageId, item.PopReceipt, message);
        held[entry.Id] = entry;
        var lease = new LeasedMessage(entry.Id, name, message.ETag, message.Length, attempt, Interlocked.Increment(ref nextToken), message.ObservedAt, until);
        if (attempt > maxDequeueCount)
        {
            Poison(lease, message.LastReason is { } reason
                ? $"dequeued {attempt} times, more than maxDequeueCount {maxDequeueCount} (last failure: {reason})"
                : $"dequeued {attempt} times, more than maxDequeueCount {maxDequeueCount}: the instances running it were lost");
            return null;
        }

        return lease;
    }

    public CompleteResult Complete(IReadOnlyList<Completion> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        var lost = new ConcurrentBag<LeasedMessage>();
        var completed = 0;
        Parallel.ForEach(completions, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, completion =>
        {
            if (!held.TryRemove(completion.Lease.Id, out var entry))
            {
                lost.Add(completion.Lease);
                return;
            }

            var receipt = new BlobReceipt(completion.InvocationId, storage.Instance, completion.Outputs, time.GetUtcNow());
            hosts.GetBlobClient(storage.Names.Receipt(entry.Message.ETag, completion.Lease.Name)).Upload(
                BinaryData.FromString(JsonSerializer.Serialize(receipt, AzureJsonContext.Default.BlobReceipt)),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { [InvocationKey] = completion.InvocationId, [InstanceKey] = Header(storage.Instance) } });
            if (Delete(entry))
            {
                Interlocked.Increment(ref completed);
            }
            else
            {
                lost.Add(completion.Lease);
            }
        });
        return new CompleteResult(completed, [.. lost]);
    }

    public FailResult Fail(LeasedMessage lease, string reason, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.DequeueCount >= maxDequeueCount)
        {
            return Poison(lease, reason);
        }

        return Update(lease, m => m with { LastReason = reason }, retryDelay, release: true)
            ? new FailResult(FailOutcome.Requeued, lease.DequeueCount, time.GetUtcNow() + retryDelay)
            : new FailResult(FailOutcome.LeaseLost, lease.DequeueCount, null);
    }

    public FailResult Poison(LeasedMessage lease, string reason)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!held.TryRemove(lease.Id, out var entry))
        {
            return new FailResult(FailOutcome.LeaseLost, lease.DequeueCount, null);
        }

        var poisoned = entry.Message with { PoisonReason = reason, DequeueCount = lease.DequeueCount, PoisonedAt = time.GetUtcNow() };
        poison.SendMessage(poisoned.ToJson());
        return Delete(entry)
            ? new FailResult(FailOutcome.Poisoned, lease.DequeueCount, null)
            : new FailResult(FailOutcome.LeaseLost, lease.DequeueCount, null);
    }

    public int Abandon(IEnumerable<LeasedMessage> leases, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var returned = 0;
        foreach (var lease in leases)
        {
            if (Update(lease, m => m with { Uncharged = m.Uncharged + 1 }, delay, release: true))
            {
                returned++;
            }
        }

        if (returned > 0)
        {
            Interlocked.Exchange(ref emptyUntil, 0);
        }

        return returned;
    }

    public IReadOnlyList<LeasedMessage> Renew(IEnumerable<LeasedMessage> leases, TimeSpan leaseDuration)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return [.. leases.Where(lease => !Update(lease, null, leaseDuration, release: false))];
    }

    /// <summary>Claims contested earlier are tried again, at most every 2 s, from the dispatch loop's polls.</summary>
    private void RetryContested()
    {
        var now = Stopwatch.GetTimestamp();
        if (contested.IsEmpty || now < Interlocked.Read(ref contestedRetryAt))
        {
            return;
        }

        Interlocked.Exchange(ref contestedRetryAt, now + (2 * Stopwatch.Frequency));
        EnqueueMany([.. contested.Values]);
    }

    public bool IsDrained() => contested.IsEmpty && queue.GetProperties().Value.ApproximateMessagesCount == 0;

    /// <summary>
    /// Queued counts every message of the internal queue not leased here (waiting, delayed, or leased by another
    /// instance: the service tells them apart only by count); done and receipts are this function's receipts.
    /// </summary>
    public QueueStatus GetStatus(int poisonLimit = 1000)
    {
        var total = queue.GetProperties().Value.ApproximateMessagesCount;
        var poisonCount = poison.GetProperties().Value.ApproximateMessagesCount;
        long receipts = 0, done = 0;
        foreach (var item in hosts.GetBlobs(BlobTraits.Metadata, BlobStates.None, storage.Names.ReceiptPrefix, CancellationToken.None))
        {
            receipts++;
            if (item.Metadata.ContainsKey(InvocationKey))
            {
                done++;
            }
        }

        var list = new List<PoisonedMessage>();
        if (poisonLimit > 0)
        {
            foreach (var peeked in poison.PeekMessages(Math.Min(poisonLimit, 32)).Value)
            {
                if (BlobTriggerMessage.TryParse(peeked.Body.ToString()) is { } message)
                {
                    list.Add(new PoisonedMessage(0, message.BlobName, message.ETag, message.Length, message.DequeueCount ?? 0,
                        message.PoisonReason ?? string.Empty, message.PoisonedAt ?? peeked.InsertedOn ?? default));
                }
            }
        }

        var leased = held.Count;
        return new QueueStatus(Math.Max(0, total - leased), leased, done, poisonCount, receipts, list);
    }

    public void Dispose()
    {
    }

    /// <summary>A metadata value is an HTTP header value: anything outside printable ASCII is escaped.</summary>
    private static string Header(string value) => value.All(c => c is >= ' ' and <= '~') ? value : Uri.EscapeDataString(value);

    /// <summary>Updates a held message's content and visibility; false when the lease was lost (another pop receipt won).</summary>
    private bool Update(LeasedMessage lease, Func<BlobTriggerMessage, BlobTriggerMessage>? change, TimeSpan visibility, bool release)
    {
        if (!held.TryGetValue(lease.Id, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            try
            {
                var message = change is null ? entry.Message : change(entry.Message);
                var receipt = change is null
                    ? queue.UpdateMessage(entry.MessageId, entry.PopReceipt, visibilityTimeout: visibility).Value
                    : queue.UpdateMessage(entry.MessageId, entry.PopReceipt, message.ToJson(), visibility).Value;
                entry.PopReceipt = receipt.PopReceipt;
                entry.Message = message;
                if (release)
                {
                    held.TryRemove(lease.Id, out _);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                held.TryRemove(lease.Id, out _);
                return false;
            }
        }
    }

    private bool Delete(Held entry)
    {
        lock (entry)
        {
            try
            {
                queue.DeleteMessage(entry.MessageId, entry.PopReceipt);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                return false;
            }
        }
    }

    private sealed class Held(long id, string messageId, string popReceipt, BlobTriggerMessage message)
    {
        public long Id { get; } = id;

        public string MessageId { get; } = messageId;

        public string PopReceipt { get; set; } = popReceipt;

        public BlobTriggerMessage Message { get; set; } = message;
    }
}
