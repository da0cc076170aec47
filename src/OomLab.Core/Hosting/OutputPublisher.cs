using OomLab.Blobs;

namespace OomLab.Hosting;

/// <summary>
/// Moves invocations' staged outputs (already fsynced by the worker) into the output container as one group
/// commit: the files of a whole batch are renamed into place, then each folder that received an entry is fsynced
/// once, so that all the outputs of a batch are durable before the batch's receipts are written. Staging lives inside the container
/// (<c>.staging/&lt;slot&gt;/</c>) so every rename stays on one file system.
/// </summary>
internal static class OutputPublisher
{
    public const string StagingFolder = ".staging";

    public static string StagingRoot(BlobContainer container) => Path.Combine(container.DirectoryPath, StagingFolder);

    /// <summary>
    /// Renames one invocation's staged outputs into place; returns the published blob names and
    /// adds the folders whose entries changed to <paramref name="changedFolders"/>, to be flushed with <see cref="FlushFolders"/>.
    /// </summary>
    /// <exception cref="InvalidBlobNameException">The function named an output that would escape the container.</exception>
    public static IReadOnlyList<string> MoveIntoPlace(
        BlobContainer container, string stagingDirectory, IReadOnlyList<string> outputs, ISet<string> changedFolders)
    {
        ArgumentNullException.ThrowIfNull(changedFolders);
        var published = new List<string>(outputs.Count);
        foreach (var output in outputs)
        {
            var name = BlobName.Create(output);
            var target = container.GetPath(name);
            var folder = Path.GetDirectoryName(target)!;
            if (changedFolders.Add(folder) && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                changedFolders.Add(Path.GetDirectoryName(folder)!);
            }

            File.Move(Path.Combine(stagingDirectory, name.Value), target, overwrite: true);
            published.Add(name.Value);
        }

        return published;
    }

    /// <summary>Flushes each folder's entries to disk, once per folder.</summary>
    public static void FlushFolders(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            DirectorySync.Flush(folder);
        }
    }

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
