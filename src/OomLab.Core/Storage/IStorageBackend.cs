namespace OomLab.Storage;

/// <summary>
/// Where a host's blobs, queue and receipts live. The host asks it for discovery of the input container and for the
/// work queue, and never learns which backend it runs on. <see cref="FolderStorage"/> is the default (a folder per
/// container, a SQLite queue with receipts).
/// </summary>
internal interface IStorageBackend
{
    /// <summary>Discovery of the input container's blobs.</summary>
    IBlobDiscovery CreateDiscovery(Blobs.BlobDiscoveryOptions options, TimeProvider time);

    /// <summary>Opens the work queue (and receipts) with the host's maxDequeueCount.</summary>
    IWorkQueue OpenQueue(int maxDequeueCount, TimeProvider time);
}
