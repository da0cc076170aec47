using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Storage;

/// <summary>The folder backend: a container is a folder under the root, the queue and receipts a SQLite file (docs/STORAGE.md).</summary>
internal sealed class FolderStorage : IStorageBackend
{
    private readonly RootLayout layout;
    private readonly BlobContainer input;

    public FolderStorage(RootLayout layout, ContainerName input, ContainerName output)
    {
        this.layout = layout;
        this.input = new BlobContainer(layout, input);
        Output = new FolderOutput(new BlobContainer(layout, output));
    }

    public IOutputContainer Output { get; }

    public IBlobDiscovery CreateDiscovery(BlobDiscoveryOptions options, TimeProvider time) => new BlobWatcher(input, options, time);

    public IWorkQueue OpenQueue(int maxDequeueCount, TimeProvider time) =>
        BlobQueue.Open(layout.QueuePath, new BlobQueueOptions(maxDequeueCount), time);

    public QueueStatus ReadStatus(int poisonLimit) => BlobQueue.ReadStatus(layout.QueuePath, poisonLimit);

    /// <summary>The blob's file (a <c>file:</c> URI): only a worker that reads files (oomlab's Python worker) can use it.</summary>
    public Workers.BlobReference ReferenceFor(LeasedMessage lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var path = input.GetPath(lease.Name);
        return new Workers.BlobReference(input.Name.Value, lease.Name.Value, new Uri(path), File.GetLastWriteTimeUtc(path));
    }

    /// <summary>The worker reads the container's own file.</summary>
    public Task<InputFile> FetchInputAsync(LeasedMessage lease, string stagingDirectory, CancellationToken cancellationToken) =>
        Task.FromResult(new InputFile(input.GetPath(lease.Name), temporary: false));
}
