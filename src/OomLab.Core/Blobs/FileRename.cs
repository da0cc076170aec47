using System.Runtime.InteropServices;

namespace OomLab.Blobs;

/// <summary>
/// Renames a file over another on the same file system with one <c>rename</c> call. <see cref="File.Move(string, string, bool)"/>
/// first normalizes both paths and stats the source to report a missing one; publishing two outputs per blob paid
/// that for every output, while <c>rename</c> reports the same failures itself. Other systems use <see cref="File.Move(string, string, bool)"/>.
/// </summary>
internal static class FileRename
{
    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/> (full paths), replacing a file there.</summary>
    /// <exception cref="IOException">The file could not be moved; the message names both paths and the reason.</exception>
    public static void Replace(string source, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            File.Move(source, target, overwrite: true);
            return;
        }

        if (Libc.Rename(source, target) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot move {source} to {target}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }
}
