using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Storage;

/// <summary>
/// The host's work queue: one message per blob version, leased with a visibility timeout, completed with its
/// receipt, failed (retried until its dequeue count reaches maxDequeueCount, then poisoned with the reason) or
/// poisoned at once. The host uses only this; <see cref="BlobQueue"/> (SQLite) is the folder backend's.
/// </summary>
internal interface IWorkQueue : IDisposable
{
    /// <summary>Queues the blob versions not queued or received before; returns how many were new.</summary>
    int EnqueueMany(IEnumerable<BlobCandidate> candidates);

    /// <summary>Leases up to <paramref name="max"/> visible messages for <paramref name="leaseDuration"/>; each lease counts a dequeue.</summary>
    IReadOnlyList<LeasedMessage> Lease(int max, TimeSpan leaseDuration);

    /// <summary>Deletes the messages and writes their receipts, for the leases still held; call once the outputs are durable.</summary>
    CompleteResult Complete(IReadOnlyList<Completion> completions);

    /// <summary>Makes the message visible again after <paramref name="retryDelay"/>, or poisons it once it has used up its dequeues.</summary>
    FailResult Fail(LeasedMessage lease, string reason, TimeSpan retryDelay);

    /// <summary>Poisons the message at once with the reason.</summary>
    FailResult Poison(LeasedMessage lease, string reason);

    /// <summary>Returns leases without charging a dequeue; returns how many were still held.</summary>
    int Abandon(IEnumerable<LeasedMessage> leases, TimeSpan delay = default);

    /// <summary>Extends held leases; returns the leases that were lost.</summary>
    IReadOnlyList<LeasedMessage> Renew(IEnumerable<LeasedMessage> leases, TimeSpan leaseDuration);

    /// <summary>Whether no message is waiting, delayed or leased (by this host or, for a shared queue, any other).</summary>
    bool IsDrained();

    /// <summary>Counts by state and the latest poisoned messages.</summary>
    QueueStatus GetStatus(int poisonLimit = 1000);
}
