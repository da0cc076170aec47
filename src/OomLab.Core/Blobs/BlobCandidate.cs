namespace OomLab.Blobs;

/// <summary>A complete blob version found by discovery, ready to be queued.</summary>
/// <param name="Name">The blob's name in its container.</param>
/// <param name="Version">Length and last-write time; the queue keeps one message per name and version.</param>
/// <param name="ObservedAt">When discovery saw it complete (start of the arrival-to-invocation latency).</param>
public sealed record BlobCandidate(BlobName Name, BlobVersion Version, DateTimeOffset ObservedAt)
{
    public long Length => Version.Length;

    /// <summary>The blob's ETag where the backend has one (Azure Storage): its receipts and messages name the version by it.</summary>
    public string? ETag { get; init; }
}
