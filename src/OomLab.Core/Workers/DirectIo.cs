using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OomLab.Workers;

/// <summary>
/// Turns direct I/O (Linux <c>O_DIRECT</c>: writes go from the caller's aligned buffer straight to the disk,
/// bypassing the page cache) on or off for an open file. Only on Linux x64 and Arm64; elsewhere, or where the
/// file system refuses it, <see cref="TrySet"/> returns false and the file stays buffered.
/// </summary>
internal static class DirectIo
{
    /// <summary>The alignment direct I/O needs of buffer addresses, file offsets and lengths: 4 KiB.</summary>
    public const int Alignment = 4096;

    private const int GetFlags = 3;
    private const int SetFlags = 4;

    public static bool TrySet(SafeFileHandle file, bool on)
    {
        var flag = DirectFlag();
        if (flag == 0)
        {
            return false;
        }

        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            var fd = (int)file.DangerousGetHandle();
            var flags = Fcntl(fd, GetFlags, 0);
            return flags >= 0 && Fcntl(fd, SetFlags, on ? flags | flag : flags & ~flag) == 0;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    private static int DirectFlag() =>
        !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 0x4000,
            Architecture.Arm64 => 0x10000,
            _ => 0,
        };

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this assembly.
    [DllImport("libc", EntryPoint = "fcntl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int fd, int command, int argument);
}
