using Microsoft.Win32.SafeHandles;

namespace OomLab.Workers;

/// <summary>
/// <see cref="Start"/> has the kernel begin writing a range of a file to disk without waiting for it (Linux
/// <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>; a no-op elsewhere). Started while a large output is still
/// being written, the write-back overlaps the function's work, so the flush that makes the file durable
/// finds little left to do and a large copy never piles up as dirty pages.
/// </summary>
internal static class WriteBack
{
    private const uint SyncFileRangeWrite = 2;

    public static void Start(SafeFileHandle file, long offset, long count)
    {
        if (!OperatingSystem.IsLinux() || count <= 0)
        {
            return;
        }

        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            // Best effort: a failure here only means the final flush does all the work.
            _ = Libc.SyncFileRange((int)file.DangerousGetHandle(), offset, count, SyncFileRangeWrite);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }
}
