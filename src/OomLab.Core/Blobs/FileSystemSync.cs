using System.Runtime.InteropServices;

namespace OomLab.Blobs;

/// <summary>
/// Makes everything written to one file system durable with a single call (Linux <c>syncfs</c>): every file's data
/// and inode and every folder's entries. For a batch of small outputs this is one write-back sweep and one disk cache
/// flush, where an fsync per file and per folder costs a metadata write and a flush each (with two fsyncs per 4 KiB
/// blob they were the host's largest kernel cost, docs/BENCHMARKS.md). Other Unix systems use <c>sync</c>.
/// </summary>
internal static class FileSystemSync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes the file system that holds <paramref name="path"/> (a folder or a file) to disk.</summary>
    /// <exception cref="IOException">The file system reported that some data could not be written.</exception>
    public static void Flush(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            Libc.Sync();
            return;
        }

        var fd = Libc.Open(path, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open {path} to flush its file system (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Libc.SyncFs(fd) != 0)
            {
                throw new IOException($"flushing the file system of {path} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }
}
