using Microsoft.Win32.SafeHandles;

namespace OomLab.Blobs;

/// <summary>
/// Creates files for writing without truncating them. <see cref="FileMode.Create"/> opens, locks, then truncates,
/// and ext4 answers a truncated file's close by starting its write-back at once (<c>auto_da_alloc</c>): a disk write
/// per small file, where a batch's single flush (<see cref="FileSystemSync"/>) would write them together. A file
/// created new needs neither; an old file of the same name is deleted first.
/// </summary>
internal static class NewFile
{
    /// <summary>Creates <paramref name="path"/>, replacing any file of that name, and opens it for writing.</summary>
    public static SafeFileHandle Create(string path, long preallocationSize = 0)
    {
        try
        {
            return Open(path, preallocationSize);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(path);
            return Open(path, preallocationSize);
        }
    }

    private static SafeFileHandle Open(string path, long preallocationSize) =>
        File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize);
}
