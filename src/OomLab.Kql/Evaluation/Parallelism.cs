namespace OomLab.Kql.Evaluation;

/// <summary>
/// Splits a long loop over rows into contiguous ranges run on the thread pool, one per core: kernels over a million rows
/// use both cores. Shorter loops run inline, where handing work to another thread would cost more than it saves.
/// </summary>
internal static class Parallelism
{
    /// <summary>Loops shorter than this run on the calling thread.</summary>
    public const int MinRows = 1 << 17;

    /// <summary>How many ranges <see cref="ForRanges"/> splits <paramref name="length"/> rows into (1: inline).</summary>
    public static int RangeCount(int length) => length < MinRows ? 1 : Math.Clamp(length / (MinRows / 2), 1, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="body"/>(range, start, end) over contiguous ranges covering 0..<paramref name="length"/>; returns the range count.</summary>
    public static int ForRanges(int length, Action<int, int, int> body)
    {
        var ranges = RangeCount(length);
        if (ranges == 1)
        {
            body(0, 0, length);
            return 1;
        }

        Parallel.For(0, ranges, range => body(range, Start(length, ranges, range), Start(length, ranges, range + 1)));
        return ranges;
    }

    /// <summary>Where range <paramref name="range"/> of <paramref name="ranges"/> starts.</summary>
    public static int Start(int length, int ranges, int range) => (int)((long)length * range / ranges);
}
