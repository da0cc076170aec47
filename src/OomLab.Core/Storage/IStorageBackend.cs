using OomLab.Queue;

namespace OomLab.Storage;

/// <summary>
/// Where a host's blobs, queue and receipts live. The host asks it for discovery of the input container, the work queue,
/// each invocation's input blob and the output container, and never learns which backend it runs on.
/// <see cref="FolderStorage"/> is the default (a folder per container, a SQLite queue with receipts);
/// the Azure Storage backend (Storage/Azure) is an Azure Storage account (Azurite or a real one).
/// </summary>
internal interface IStorageBackend
{
    /// <summary>Discovery of the input container's blobs.</summary>
    IBlobDiscovery CreateDiscovery(Blobs.BlobDiscoveryOptions options, TimeProvider time);

    /// <summary>Opens the work queue (and receipts) with the host's maxDequeueCount.</summary>
    IWorkQueue OpenQueue(int maxDequeueCount, TimeProvider time);

    /// <summary>Counts by state and the latest poisoned messages, for status views; opens nothing a running host holds.</summary>
    QueueStatus ReadStatus(int poisonLimit);

    /// <summary>Where invocations' outputs are staged and published.</summary>
    IOutputContainer Output { get; }

    /// <summary>The leased blob where it lives (an account's URL, a folder's file), for a worker that reads it itself (deferred binding).</summary>
    Workers.BlobReference ReferenceFor(LeasedMessage lease);

    /// <summary>
    /// The leased blob version as a local file a worker can read: the container's own file for the folder backend, a
    /// download next to the invocation's staging folder for a remote one (deleted with <see cref="InputFile.Dispose"/>).
    /// </summary>
    /// <exception cref="BlobChangedException">The blob was deleted or rewritten since it was queued.</exception>
    Task<InputFile> FetchInputAsync(LeasedMessage lease, string stagingDirectory, CancellationToken cancellationToken);
}

/// <summary>An invocation's input blob as a local file; disposing it deletes a downloaded copy, never the container's own file.</summary>
internal sealed class InputFile(string path, bool temporary) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (temporary)
        {
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

/// <summary>The blob version a message names is gone: deleted, or replaced by a newer version that is queued on its own.</summary>
internal sealed class BlobChangedException(string message) : Exception(message);
