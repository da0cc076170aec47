using Microsoft.Win32.SafeHandles;

namespace OomLab.Memory;

/// <summary>
/// Samples one process's memory from <c>/proc/&lt;pid&gt;/status</c>: <c>RssAnon</c> as Private Bytes and
/// <c>VmRSS</c> as Working Set. Reuses one buffer and one path, so a sample allocates only the file handle.
/// Not thread-safe: one sampler per sampling loop.
/// </summary>
internal sealed class ProcessMemorySampler
{
    private static readonly byte[] RssAnonKey = "RssAnon:"u8.ToArray();
    private static readonly byte[] VmRssKey = "VmRSS:"u8.ToArray();

    private readonly string path;
    private readonly byte[] buffer = new byte[4096];

    public ProcessMemorySampler(int processId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        ProcessId = processId;
        path = $"/proc/{processId}/status";
    }

    public int ProcessId { get; }

    /// <summary>Reads the process's memory in bytes; false when the process is gone or the file cannot be read.</summary>
    public bool TrySample(out long privateBytes, out long workingSet)
    {
        privateBytes = 0;
        workingSet = 0;
        int length;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            length = ReadAll(handle);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        var text = buffer.AsSpan(0, length);
        return TryParseKilobytes(text, RssAnonKey, out privateBytes) & TryParseKilobytes(text, VmRssKey, out workingSet);
    }

    /// <summary>Finds <c>Key:   1234 kB</c> in the status text and returns the value in bytes.</summary>
    internal static bool TryParseKilobytes(ReadOnlySpan<byte> status, ReadOnlySpan<byte> key, out long bytes)
    {
        bytes = 0;
        var at = status.IndexOf(key);
        if (at < 0)
        {
            return false;
        }

        var rest = status[(at + key.Length)..];
        var i = 0;
        while (i < rest.Length && (rest[i] == (byte)' ' || rest[i] == (byte)'\t'))
        {
            i++;
        }

        long kilobytes = 0;
        var digits = 0;
        for (; i < rest.Length && rest[i] is >= (byte)'0' and <= (byte)'9'; i++, digits++)
        {
            kilobytes = checked((kilobytes * 10) + (rest[i] - '0'));
        }

        bytes = checked(kilobytes * 1024);
        return digits > 0;
    }

    private int ReadAll(SafeFileHandle handle)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
        {
            total += read;
        }

        return total;
    }
}
