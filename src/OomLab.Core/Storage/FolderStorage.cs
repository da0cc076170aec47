using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Storage;

/// <summary>The folder backend: the input container is a folder under the root, the queue and receipts a SQLite file (docs/STORAGE.md).</summary>
internal sealed class FolderStorage(RootLayout layout, BlobContainer input) : IStorageBackend
{
    public IBlobDiscovery CreateDiscovery(BlobDiscoveryOptions options, TimeProvider time) => new BlobWatcher(input, options, time);

    public IWorkQueue OpenQueue(int maxDequeueCount, TimeProvider time) =>
        BlobQueue.Open(layout.QueuePath, new BlobQueueOptions(maxDequeueCount), time);
}
