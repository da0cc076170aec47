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

    /// <summary>The version a <see cref="Token"/> stands for; false for text that is not one.</summary>
    public static bool TryParse(string token, out BlobVersion version)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && long.TryParse(token.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length)
            && long.TryParse(token.AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ticks))
        {
            version = new BlobVersion(length, ticks);
            return true;
        }

        version = default;
        return false;
    }
}
