using OomLab.Blobs;
using OomLab.Storage;

namespace OomLab.Hosting;

/// <remarks>Discovery: the container's new blobs, queued in batches as they arrive.</remarks>
internal sealed partial class FunctionHost
{
    private int enqueuing;

    private async Task DiscoverAsync(IStorageBackend storage, IWorkQueue queue, CancellationToken cancellationToken)
    {
        var watcher = storage.CreateDiscovery(options.Discovery, time);
        // The end of the start scan counts as activity: its last blobs may still be on their way to the queue.
        _ = watcher.Ready.ContinueWith(_ => Touch(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        discovery = watcher;
        var batch = new List<BlobCandidate>();
        try
        {
            await using var candidates = watcher.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            var next = candidates.MoveNextAsync();
            while (await next)
            {
                batch.Add(candidates.Current);
                Touch();
                next = candidates.MoveNextAsync();

                // Take what has already arrived too, so that a burst of arrivals costs one transaction.
                var more = true;
                while (batch.Count < 1024 && next.IsCompletedSuccessfully && (more = next.Result))
                {
                    batch.Add(candidates.Current);
                    next = candidates.MoveNextAsync();
                }

                // Queuing a large batch can take seconds on a remote queue: the host is not idle meanwhile.
                Interlocked.Increment(ref enqueuing);
                int added;
                try
                {
                    added = queue.EnqueueMany(batch);
                }
                finally
                {
                    Touch();
                    Interlocked.Decrement(ref enqueuing);
                }

                batch.Clear();
                if (added > 0)
                {
                    Counters.AddEnqueued(added);
                    Wake();
                }

                if (!more)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
