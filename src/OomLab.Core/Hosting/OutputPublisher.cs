using OomLab.Blobs;

namespace OomLab.Hosting;

/// <summary>
/// Moves invocations' staged outputs into the output container as one group commit: the files of a whole batch are
/// renamed into place, then the file system is flushed once (<see cref="FileSystemSync"/>: the files' bytes and the
/// folders' entries), so that all the outputs of a batch are durable before the batch's receipts are written. Staging
/// lives inside the container (<c>.staging/&lt;slot&gt;/</c>) so every rename stays on one file system. A crash before the
/// flush can leave a renamed output without its bytes, but never with a receipt: the blob runs again and replaces it.
/// </summary>
internal static class OutputPublisher
{
    public const string StagingFolder = ".staging";

    public static string StagingRoot(BlobContainer container) => Path.Combine(container.DirectoryPath, StagingFolder);

    /// <summary>
    /// Renames one invocation's staged outputs into place, creating the folders they need (remembered in
    /// <paramref name="knownFolders"/> for the rest of the batch); returns the published blob names. They are durable
    /// once <see cref="Flush"/> returns.
    /// </summary>
    /// <exception cref="InvalidBlobNameException">The function named an output that would escape the container.</exception>
    public static IReadOnlyList<string> MoveIntoPlace(
        BlobContainer container, string stagingDirectory, IReadOnlyList<string> outputs, ISet<string> knownFolders)
    {
        ArgumentNullException.ThrowIfNull(knownFolders);
        var published = new List<string>(outputs.Count);
        foreach (var output in outputs)
        {
            var name = BlobName.Create(output);
            var target = container.GetPath(name);
            var folder = Path.GetDirectoryName(target)!;
            if (knownFolders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            FileRename.Replace(Path.Combine(stagingDirectory, name.Value), target);
            published.Add(name.Value);
        }

        return published;
    }

    /// <summary>Makes everything moved into <paramref name="container"/> so far durable: one flush of its file system.</summary>
    /// <exception cref="IOException">The file system could not write some of it.</exception>
    public static void Flush(BlobContainer container) => FileSystemSync.Flush(container.DirectoryPath);

    /// <summary>Empties a staging folder of whatever a failed invocation left in it; the folder itself stays, to be reused.</summary>
    public static void Discard(string stagingDirectory)
    {
        try
        {
            if (!Directory.Exists(stagingDirectory))
            {
                return;
            }

            foreach (var entry in new DirectoryInfo(stagingDirectory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
