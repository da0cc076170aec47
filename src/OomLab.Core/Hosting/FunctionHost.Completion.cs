using System.Threading.Channels;
using OomLab.Blobs;
using OomLab.Queue;
using OomLab.Storage;

namespace OomLab.Hosting;

/// <remarks>The group commit: successful invocations' outputs made durable together, then their receipts.</remarks>
internal sealed partial class FunctionHost
{
    private readonly Channel<PendingCompletion> completions = Channel.CreateUnbounded<PendingCompletion>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Group commit: takes every completion that is waiting, makes all their outputs durable together (rename
    /// the staged files into place, then flush the file system once), then writes their receipts in one
    /// transaction. A receipt is never written before its outputs are durable; an invocation whose outputs cannot
    /// be published fails alone and goes through the retry path, and a failed flush fails the whole batch.
    /// </summary>
    private async Task CompleteAsync(IWorkQueue queue, BlobContainer output)
    {
        var batch = new List<PendingCompletion>();
        var moved = new List<(PendingCompletion Pending, Completion Completion)>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        while (await completions.Reader.WaitToReadAsync())
        {
            while (completions.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            MoveIntoPlace(output, batch, moved, folders);
            try
            {
                OutputPublisher.Flush(output);
                var result = queue.Complete([.. moved.Select(d => d.Completion)]);
                var lost = result.LostLeases.Select(l => l.Id).ToHashSet();
                foreach (var (pending, _) in moved)
                {
                    pending.Done.TrySetResult(!lost.Contains(pending.Lease.Id));
                }
            }
#pragma warning disable CA1031 // The waiting invocations turn this into retries with the reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var (pending, _) in moved)
                {
                    pending.Done.TrySetException(ex);
                }
            }

            batch.Clear();
            moved.Clear();
            folders.Clear();
        }
    }

    private static void MoveIntoPlace(
        BlobContainer output, List<PendingCompletion> batch, List<(PendingCompletion Pending, Completion Completion)> moved, HashSet<string> folders)
    {
        foreach (var pending in batch)
        {
            IReadOnlyList<string> published = [];
            if (Try(pending, () => published = OutputPublisher.MoveIntoPlace(output, pending.Staging, pending.Outputs, folders)))
            {
                moved.Add((pending, new Completion(pending.Lease, pending.InvocationId, published)));
            }
        }

        static bool Try(PendingCompletion pending, Action step)
        {
            try
            {
                step();
                return true;
            }
#pragma warning disable CA1031 // The invocation turns this into a retry with the reason; the rest of the batch goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                pending.Done.TrySetException(ex);
                return false;
            }
        }
    }

    private sealed record PendingCompletion(
        LeasedMessage Lease, string InvocationId, string Staging, IReadOnlyList<string> Outputs, TaskCompletionSource<bool> Done);
}
