using System.Globalization;

namespace OomLab.Blobs;

/// <summary>
/// Identifies one version of a blob: its length and last-write time. Re-discovering the same version is
/// a no-op for the queue; a rewritten blob (new length or time) is a new version. The inode is not part of
/// it: .NET offers no cheap way to read it, and a rewrite by rename changes the time anyway.
/// </summary>
public readonly record struct BlobVersion(long Length, long LastWriteTicks)
{
    public static BlobVersion Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new BlobVersion(file.Length, file.LastWriteTimeUtc.Ticks);
    }

    /// <summary>The token stored in the queue, for example <c>1000-8dc4b2a1f0e3c11</c>.</summary>
    public string Token => string.Create(CultureInfo.InvariantCulture, $"{Length:x}-{LastWriteTicks:x}");

    public override string ToString() => Token;
}
