using System.Buffers.Binary;

namespace OomLab.Blobs;

/// <summary>
/// Whether a path is a regular file: only regular files are blobs. A FIFO, socket or device in a container folder
/// would block (or never end) when opened for reading, so discovery skips it. .NET's listing does not say a
/// file's type, so this asks the kernel (statx with only the type requested, not following links).
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode.
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG

    [ThreadStatic]
    private static byte[]? buffer;

    /// <summary>False for anything but a regular file; true where it cannot be asked (not Linux) or the file is gone (its stat decides).</summary>
    public static bool IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var statx = buffer ??= new byte[256];
        if (Libc.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, statx) != 0)
        {
            return true;
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(statx.AsSpan(ModeOffset)) & TypeMask) == RegularType;
    }
}
