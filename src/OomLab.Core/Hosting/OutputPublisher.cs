using OomLab.Blobs;

namespace OomLab.Hosting;

/// <summary>
/// Moves an invocation's staged outputs (already flushed to disk by the worker) into the output container
/// by rename, then flushes the folders, so that outputs are durable before the receipt is written.
/// Staging lives inside the container (<c>.staging/&lt;invocation&gt;/</c>) so every rename stays on one file system.
/// </summary>
internal static class OutputPublisher
{
    public const string StagingFolder = ".staging";

    public static string StagingDirectory(BlobContainer container, string invocationId) =>
        Path.Combine(container.DirectoryPath, StagingFolder, invocationId);

    /// <summary>Publishes each staged output; returns the published blob names.</summary>
    /// <exception cref="InvalidBlobNameException">The function named an output that would escape the container.</exception>
    public static IReadOnlyList<string> Publish(BlobContainer container, string stagingDirectory, IReadOnlyList<string> outputs)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var published = new List<string>(outputs.Count);
        foreach (var output in outputs)
        {
            var name = BlobName.Create(output);
            var source = Path.Combine(stagingDirectory, name.Value);
            var target = container.GetPath(name);
            var folder = Path.GetDirectoryName(target)!;
            if (folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.Move(source, target, overwrite: true);
            published.Add(name.Value);
        }

        foreach (var folder in folders)
        {
            DirectorySync.Flush(folder);
        }

        Discard(stagingDirectory);
        return published;
    }

    /// <summary>Deletes a staging folder and whatever a failed invocation left in it.</summary>
    public static void Discard(string stagingDirectory)
    {
        try
        {
            if (Directory.Exists(stagingDirectory))
            {
                Directory.Delete(stagingDirectory, recursive: true);
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
