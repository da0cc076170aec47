namespace OomLab.Blobs;

/// <summary>
/// A container as a folder: blob <c>a/b.txt</c> of container <c>input</c> is <c>&lt;root&gt;/input/a/b.txt</c>.
/// Files whose name (or any folder above them) starts with <c>.</c>, or that end with <c>.tmp</c> or
/// <c>.partial</c>, are writers' work in progress and never blobs.
/// </summary>
internal sealed class BlobContainer
{
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
}
