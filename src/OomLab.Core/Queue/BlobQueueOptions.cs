namespace OomLab.Queue;

/// <summary>The queue's retry policy. Immutable; the constructor validates.</summary>
public sealed class BlobQueueOptions
{
    /// <param name="maxDequeueCount">Leases after which a failure or an expired lease poisons the blob; default 5 (as host.json's <c>maxDequeueCount</c>).</param>
    public BlobQueueOptions(int maxDequeueCount = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        MaxDequeueCount = maxDequeueCount;
    }

    public static BlobQueueOptions Default { get; } = new();

    public int MaxDequeueCount { get; }
}
