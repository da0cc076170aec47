namespace OomLab.Capacity;

/// <summary>Puts a sample input into a run's container without copying its bytes where the file system allows.</summary>
internal static class SampleLink
{
    /// <summary>A hard link to <paramref name="source"/> at <paramref name="target"/> on Linux; a copy elsewhere or across file systems.</summary>
    public static void LinkOrCopy(string source, string target)
    {
        if (OperatingSystem.IsLinux() && Libc.Link(source, target) == 0)
        {
            return;
        }

        File.Copy(source, target, overwrite: true);
    }
}
