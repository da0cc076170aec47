using System.Globalization;

namespace OomLab.Memory;

/// <summary>Reads the memory limit of the cgroup this process runs in (v2 <c>memory.max</c>, v1 <c>memory.limit_in_bytes</c>).</summary>
internal static class CgroupMemoryLimit
{
    /// <summary>The default cgroup mount point.</summary>
    public const string DefaultRoot = "/sys/fs/cgroup";

    // cgroup v1 reports "no limit" as a page-aligned LONG_MAX; anything above 2^60 bytes is not a real limit.
    private const long Unlimited = 1L << 60;

    /// <summary>The limit in bytes, or null when there is none (no cgroup, <c>max</c>, or a huge value).</summary>
    public static long? Read(string root = DefaultRoot)
    {
        return TryFile(Path.Combine(root, "memory.max"))
            ?? TryFile(Path.Combine(root, "memory", "memory.limit_in_bytes"));
    }

    /// <summary>Parses one limit file's text; null for <c>max</c>, unparsable text or a huge value.</summary>
    public static long? Parse(string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || value == "max")
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 && bytes < Unlimited
            ? bytes
            : null;
    }

    private static long? TryFile(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
