using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OomLab.Workers;

/// <summary>
/// Opens an input blob for reading without updating its access time (Linux <c>O_NOATIME</c>). With the usual
/// <c>relatime</c> mount the first read of a new file writes its access time: the inode becomes dirty (one more inode
/// for the batch's flush to write) and the container's watcher gets an attribute-change notification that discovery
/// answers with two stats, for every blob processed. Falls back to an ordinary open where the flag is refused (a
/// process that does not own the file may not use it) and on other systems.
/// </summary>
internal static class InputFile
{
    private const int ReadOnlyNoAtimeCloseOnExec = 0x40000 | 0x80000; // O_RDONLY | O_NOATIME | O_CLOEXEC on x64 and arm64
    private const int Sequential = 2; // POSIX_FADV_SEQUENTIAL

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <exception cref="IOException">The file could not be opened (missing, unreadable).</exception>
    public static FileStream OpenRead(string path, int bufferSize)
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
        {
            var fd = Libc.Open(path, ReadOnlyNoAtimeCloseOnExec);
            if (fd >= 0)
            {
                var handle = new SafeFileHandle(fd, ownsHandle: true);
                _ = Libc.FAdvise(fd, 0, 0, Sequential);
                return new FileStream(handle, FileAccess.Read, bufferSize);
            }

            // Refused (or missing): the ordinary open either works without the flag or reports the failure as usual.
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
    }
}
