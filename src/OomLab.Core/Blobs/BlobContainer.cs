namespace OomLab.Blobs;

/// <summary>
/// A container as a folder: blob <c>a/b.txt</c> of container <c>input</c> is <c>&lt;root&gt;/input/a/b.txt</c>.
/// Files whose name (or any folder above them) starts with <c>.</c>, or that end with <c>.tmp</c> or
/// <c>.partial</c>, are writers' work in progress and never blobs. Outputs are written durably through
/// <c>.staging/</c>: write, fsync, rename into place, fsync the folder.
/// </summary>
internal sealed class BlobContainer
{
    private const string StagingFolder = ".staging";

    public BlobContainer(RootLayout layout, ContainerName name)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Name = name;
        DirectoryPath = layout.ContainerPath(name);
        Directory.CreateDirectory(DirectoryPath);
    }

    public ContainerName Name { get; }

    /// <summary>The container's folder, a full path.</summary>
    public string DirectoryPath { get; }

    /// <summary>Whether a relative path names a writer's temporary file rather than a blob.</summary>
    public static bool IsWorkInProgress(ReadOnlySpan<char> relativePath)
    {
        if (relativePath.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || relativePath.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)
            || (relativePath.Length > 0 && relativePath[0] == '.'))
        {
            return true;
        }

        return relativePath.Contains("/.", StringComparison.Ordinal);
    }

    /// <summary>The file of a blob; the name is already validated, so the path stays inside the container.</summary>
    public string GetPath(BlobName name)
    {
        var path = Path.Combine(DirectoryPath, name.Value);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace('/', Path.DirectorySeparatorChar);
    }

    /// <summary>Maps a file under the container to a blob name; false for work in progress and names that are not valid blob names.</summary>
    public bool TryGetName(string fullPath, out BlobName name, out string error)
    {
        name = default;
        error = string.Empty;
        if (!fullPath.StartsWith(DirectoryPath, StringComparison.Ordinal)
            || fullPath.Length <= DirectoryPath.Length + 1
            || fullPath[DirectoryPath.Length] != Path.DirectorySeparatorChar)
        {
            return false;
        }

        var relative = fullPath[(DirectoryPath.Length + 1)..];
        if (Path.DirectorySeparatorChar != '/')
        {
            relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        return !IsWorkInProgress(relative) && BlobName.TryCreate(relative, out name, out error);
    }

    /// <summary>Opens a blob for sequential reading.</summary>
    public FileStream OpenRead(BlobName name, int bufferSize = 0) =>
        new(GetPath(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, FileOptions.SequentialScan);

    /// <summary>The current version of a blob, or null when it does not exist.</summary>
    public BlobVersion? TryGetVersion(BlobName name)
    {
        var file = new FileInfo(GetPath(name));
        return file.Exists ? BlobVersion.Of(file) : null;
    }

    /// <summary>
    /// Writes a blob so that, once this returns, it survives a crash: <paramref name="write"/> fills a staging
    /// file, which is fsynced and renamed over the blob, then the folder is fsynced. Readers never see a
    /// partial blob. If <paramref name="write"/> throws, the staging file is deleted and the blob is untouched.
    /// </summary>
    public async Task<BlobVersion> WriteDurableAsync(
        BlobName name, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = GetPath(name);
        var staging = Path.Combine(DirectoryPath, StagingFolder);
        Directory.CreateDirectory(staging);
        var temp = Path.Combine(staging, Guid.NewGuid().ToString("N") + ".partial");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            var targetDirectory = Path.GetDirectoryName(target)!;
            if (!Directory.Exists(targetDirectory))
            {
                Directory.CreateDirectory(targetDirectory);
                DirectorySync.Flush(Path.GetDirectoryName(targetDirectory)!);
            }

            File.Move(temp, target, overwrite: true);
            DirectorySync.Flush(targetDirectory);
            return BlobVersion.Of(new FileInfo(target));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes bytes as a blob durably; see <see cref="WriteDurableAsync(BlobName, Func{Stream, CancellationToken, ValueTask}, CancellationToken)"/>.</summary>
    public Task<BlobVersion> WriteDurableAsync(BlobName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteDurableAsync(name, (stream, ct) => stream.WriteAsync(content, ct), cancellationToken);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
