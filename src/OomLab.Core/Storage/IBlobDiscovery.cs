using OomLab.Blobs;

namespace OomLab.Storage;

/// <summary>
/// Discovery of a trigger container's complete blob versions (name, version, arrival time). The host uses only this;
/// <see cref="BlobWatcher"/> (notifications plus reconcile scans of a folder) is the folder backend's.
/// </summary>
internal interface IBlobDiscovery
{
    /// <summary>Completes once the start scan has finished and new arrivals are being watched.</summary>
    Task Ready { get; }

    /// <summary>Blobs seen but not reported yet (still being written).</summary>
    int Waiting { get; }

    /// <summary>Reports complete blob versions until cancelled; a single consumer.</summary>
    IAsyncEnumerable<BlobCandidate> WatchAsync(CancellationToken cancellationToken = default);
}
