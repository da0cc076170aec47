using System.Runtime.InteropServices;

namespace OomLab;

/// <summary>
/// The Linux C library calls oomlab makes where .NET has no equivalent or adds work the host cannot afford per blob
/// (<see cref="Blobs.FileSystemSync"/>, <see cref="Blobs.FileRename"/>, <see cref="Blobs.FileKind"/>, <see cref="Workers.InputFile"/>,
/// <see cref="Workers.WriteBack"/>, <see cref="Capacity.SampleLink"/>). Each caller checks the operating system first.
/// </summary>
internal static class Libc
{
    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this assembly.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SyncFs(int fd);

    [DllImport("libc", EntryPoint = "sync")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void Sync();

    [DllImport("libc", EntryPoint = "sync_file_range")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SyncFileRange(int fd, long offset, long count, uint flags);

    /// <summary>statx(2): its struct has one layout on every Linux architecture, unlike stat's.</summary>
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int FAdvise(int fd, long offset, long length, int advice);
}
