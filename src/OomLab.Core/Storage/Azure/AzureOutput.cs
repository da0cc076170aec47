using Azure.Storage.Blobs;
using OomLab.Blobs;

namespace OomLab.Storage.Azure;

/// <summary>
/// The output container in the account: a batch's staged files are uploaded (in parallel, at most 16 at once) and
/// deleted from staging; an upload the service has acknowledged is durable, so the receipts may follow at once.
/// </summary>
internal sealed class AzureOutput(BlobContainerClient container, ContainerName name, string stagingRoot) : IOutputContainer
{
    private const int Parallelism = 16;

    public ContainerName Name => name;

    public string StagingRoot => stagingRoot;

    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<StagedOutputs> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new PublishOutcome[batch.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    outcomes[i] = new PublishOutcome(await UploadAsync(batch[i], ct), null);
                }
#pragma warning disable CA1031 // The invocation turns this into a retry with the reason; the rest of the batch goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    outcomes[i] = new PublishOutcome(null, ex);
                }
            });
        return outcomes;
    }

    private async Task<IReadOnlyList<string>> UploadAsync(StagedOutputs staged, CancellationToken cancellationToken)
    {
        var published = new List<string>(staged.Outputs.Count);
        foreach (var output in staged.Outputs)
        {
            var blob = BlobName.Create(output);
            var file = Path.Combine(staged.StagingDirectory, blob.Value);
            await container.GetBlobClient(blob.Value).UploadAsync(file, overwrite: true, cancellationToken);
            File.Delete(file);
            published.Add(blob.Value);
        }

        return published;
    }
}
