using OomLab.Blobs;

namespace OomLab.Storage;

/// <summary>
/// The output container as a folder, published as one group commit: the files of a whole batch are renamed into place,
/// then the file system is flushed once (<see cref="FileSystemSync"/>: the files' bytes and the folders' entries), so
/// that all the outputs of a batch are durable before the batch's receipts are written. Staging lives inside the
/// container (<c>.staging/&lt;slot&gt;/</c>) so every rename stays on one file system. A crash before the flush can leave
/// a renamed output without its bytes, but never with a receipt: the blob runs again and replaces it.
/// </summary>
internal sealed class FolderOutput(BlobContainer container) : IOutputContainer
{
    public const string StagingFolder = ".staging";

    public ContainerName Name => container.Name;

    public string StagingRoot { get; } = Path.Combine(container.DirectoryPath, StagingFolder);

    public Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<StagedOutputs> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new PublishOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                outcomes[i] = new PublishOutcome(MoveIntoPlace(batch[i], folders), null);
            }
#pragma warning disable CA1031 // The invocation turns this into a retry with the reason; the rest of the batch goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcomes[i] = new PublishOutcome(null, ex);
            }
        }

        try
        {
            FileSystemSync.Flush(container.DirectoryPath);
        }
        catch (IOException ex)
        {
            return Task.FromResult<IReadOnlyList<PublishOutcome>>([.. outcomes.Select(_ => new PublishOutcome(null, ex))]);
        }

        return Task.FromResult<IReadOnlyList<PublishOutcome>>(outcomes);
    }

    /// <summary>Renames one invocation's staged outputs into place, creating the folders they need (remembered for the batch).</summary>
    /// <exception cref="InvalidBlobNameException">The function named an output that would escape the container.</exception>
    private List<string> MoveIntoPlace(StagedOutputs staged, HashSet<string> knownFolders)
    {
        var published = new List<string>(staged.Outputs.Count);
        foreach (var output in staged.Outputs)
        {
            var name = BlobName.Create(output);
            var target = container.GetPath(name);
            var folder = Path.GetDirectoryName(target)!;
            if (knownFolders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            FileRename.Replace(Path.Combine(staged.StagingDirectory, name.Value), target);
            published.Add(name.Value);
        }

        return published;
    }
}
