namespace OomLab.Memory;

/// <summary>
/// Decides, from one round of readings, whether the instance is over its ceiling and which worker must go:
/// the largest by Private Bytes, as the kernel's OOM killer picks the largest process.
/// </summary>
internal static class MemoryGuard
{
    /// <summary>
    /// The index of the worker to kill, or -1 when the sum of <paramref name="privateBytes"/> is within
    /// <paramref name="ceilingBytes"/>. Only entries with a positive reading count.
    /// </summary>
    public static int SelectVictim(ReadOnlySpan<long> privateBytes, long ceilingBytes)
    {
        long total = 0;
        var largest = -1;
        for (var i = 0; i < privateBytes.Length; i++)
        {
            if (privateBytes[i] <= 0)
            {
                continue;
            }

            total = checked(total + privateBytes[i]);
            if (largest < 0 || privateBytes[i] > privateBytes[largest])
            {
                largest = i;
            }
        }

        return total > ceilingBytes ? largest : -1;
    }
}
