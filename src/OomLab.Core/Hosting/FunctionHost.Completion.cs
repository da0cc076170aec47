using System.Threading.Channels;
using OomLab.Queue;
using OomLab.Storage;

namespace OomLab.Hosting;

/// <remarks>The group commit: successful invocations' outputs made durable together, then their receipts.</remarks>
internal sealed partial class FunctionHost
{
    private readonly Channel<PendingCompletion> completions = Channel.CreateUnbounded<PendingCompletion>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Group commit: takes every completion that is waiting, publishes all their outputs durably together
    /// (<see cref="IOutputContainer.PublishAsync"/>), then writes their receipts in one call. A receipt is never
    /// written before its outputs are durable; an invocation whose outputs cannot be published fails alone and goes
    /// through the retry path, and a failure that makes nothing durable fails the whole batch.
    /// </summary>
    private async Task CompleteAsync(IWorkQueue queue, IOutputContainer output)
    {
        var batch = new List<PendingCompletion>();
        while (await completions.Reader.WaitToReadAsync())
        {
            while (completions.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var outcomes = await output.PublishAsync([.. batch.Select(p => new StagedOutputs(p.Staging, p.Outputs))], CancellationToken.None);
                var published = new List<(PendingCompletion Pending, Completion Completion)>(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i].Published is { } names)
                    {
                        published.Add((batch[i], new Completion(batch[i].Lease, batch[i].InvocationId, names)));
                    }
                    else
                    {
                        batch[i].Done.TrySetException(outcomes[i].Error!);
                    }
                }

                var result = queue.Complete([.. published.Select(d => d.Completion)]);
                var lost = result.LostLeases.Select(l => l.Id).ToHashSet();
                foreach (var (pending, _) in published)
                {
                    pending.Done.TrySetResult(!lost.Contains(pending.Lease.Id));
                }
            }
#pragma warning disable CA1031 // The waiting invocations turn this into retries with the reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private sealed record PendingCompletion(
        LeasedMessage Lease, string InvocationId, string Staging, IReadOnlyList<string> Outputs, TaskCompletionSource<bool> Done);
}
