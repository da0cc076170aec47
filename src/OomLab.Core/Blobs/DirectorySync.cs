using System.Runtime.InteropServices;

namespace OomLab.Blobs;

/// <summary>
/// Flushes a directory's entries to disk (fsync of the directory), so that a rename survives a crash.
/// .NET cannot open a directory as a file, hence the direct call. A no-op where not supported.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Flushes a file's data and metadata to disk (fsync through a new read-only handle: Linux flushes the
    /// file, not the handle). Used to make outputs written by another process durable.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or flushed.</exception>
    public static void FlushFile(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            if (Fsync((int)file.DangerousGetHandle()) != 0)
            {
                throw new IOException($"cannot flush {path} to disk: error {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this assembly.
    [DllImport("libc", EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
