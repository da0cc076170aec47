using OomLab.Blobs;

namespace OomLab.Queue;

/// <summary>A blob leased for one invocation. Complete, fail, poison or abandon it while the lease is held.</summary>
/// <param name="Id">The message id, stable for the blob version.</param>
/// <param name="DequeueCount">Leases so far including this one (1 on the first attempt).</param>
/// <param name="LeaseToken">Proves the lease; a message leased again after expiry gets a new one.</param>
/// <param name="ObservedAt">When discovery saw the blob complete.</param>
/// <param name="LeasedUntil">When the lease expires and the blob becomes visible again.</param>
public sealed record LeasedMessage(
    long Id, BlobName Name, string Version, long Length, int DequeueCount, long LeaseToken,
    DateTimeOffset ObservedAt, DateTimeOffset LeasedUntil);
