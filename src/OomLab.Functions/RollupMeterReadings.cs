using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Rolls up a file of meter readings into a fixed-size aggregation window of <c>ROLLUP_WINDOW_BYTES</c>
/// (default 24 MiB): the file is streamed in 1 MiB pooled chunks, each reading counted in a count-min sketch that spans the window, and the
/// window is summarised at the end. One window per invocation slot is allocated up front and reused, so memory
/// depends on concurrency, not on file size: an efficient design whose legitimate working set sits close to the
/// plan's memory. A file of at least <c>ROLLUP_MONTH_END_BYTES</c> (default: never) is a month-end file: it is also
/// folded into a month window of the same size, held for that invocation only and collected when released, so month-end files are the
/// short legitimate peaks on top of the plateau.
/// </summary>
[Function("RollupMeterReadings")]
public sealed class RollupMeterReadings : IBlobFunction
{
    /// <summary>The window size when <c>ROLLUP_WINDOW_BYTES</c> is not set: 24 MiB.</summary>
    public const int DefaultWindowBytes = 24 * 1024 * 1024;

    private const int ChunkSize = 1024 * 1024;

    private const int SketchRows = 2;

    /// <summary>The size of one meter reading record: meter, time, value and quality fields.</summary>
    private const int ReadingBytes = 64;

    private readonly ConcurrentBag<byte[]> windows = [];
    private bool allocated;

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = int.TryParse(context.GetSetting("ROLLUP_WINDOW_BYTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured >= ChunkSize
            ? configured
            : DefaultWindowBytes;
        EnsureWindows(context, size);
        if (!windows.TryTake(out var window) || window.Length != size)
        {
            window = new byte[size];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);

        // A month-end file is also folded into a month window, needed for this invocation only: it is held while the
        // file is read, then released and collected at once, as a memory-tight batch job does, so that the working set
        // returns to the plateau instead of keeping month windows as garbage until the runtime next collects.
        var month = IsMonthEnd(context) ? new byte[size] : null;
        try
        {
            long bytes = 0;
            await using (var input = context.OpenRead())
            {
                int read;
                while ((read = await input.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                {
                    Fold(chunk.AsSpan(0, read), window);
                    if (month is not null)
                    {
                        Fold(chunk.AsSpan(0, read), month);
                    }

                    bytes += read;
                }
            }

            if (month is not null)
            {
                Merge(window, month);
                (_, var monthPeak) = Summarise(month);
                context.Logger.Log(LogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Merged month-end file {context.BlobName} into a {size}-byte month window (peak bucket {monthPeak})"));
                month = null;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            }

            var (buckets, peak) = Summarise(window);
            await using var output = context.CreateOutput(context.BlobName + ".rollup.txt");
            await using var writer = new StreamWriter(output);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes of readings, {buckets} active buckets, peak bucket {peak}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            window.AsSpan().Clear();
            windows.Add(window);
        }
    }

    /// <summary>
    /// Allocates one window per invocation slot (<c>MAX_CONCURRENT_INVOCATIONS</c>, default 8) on first use, as a
    /// pipeline sized for its concurrency does: the working set is fixed from then on.
    /// </summary>
    private static bool IsMonthEnd(BlobContext context) =>
        long.TryParse(context.GetSetting("ROLLUP_MONTH_END_BYTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold)
        && threshold > 0
        && context.Length >= threshold;

    private static void Merge(byte[] day, byte[] month)
    {
        for (var i = 0; i < day.Length; i++)
        {
            month[i] = unchecked((byte)(month[i] + day[i] + 1));
        }
    }

    private void EnsureWindows(BlobContext context, int size)
    {
        lock (windows)
        {
            if (allocated)
            {
                return;
            }

            var slots = int.TryParse(context.GetSetting("MAX_CONCURRENT_INVOCATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured > 0
                ? configured
                : 8;
            for (var i = 0; i < slots; i++)
            {
                var window = new byte[size];
                window.AsSpan().Clear();
                windows.Add(window);
            }

            allocated = true;
        }
    }

    /// <summary>
    /// Counts each reading (a <see cref="ReadingBytes"/>-byte record, keyed by its first 8 bytes) in a count-min sketch:
    /// the window is split into <see cref="SketchRows"/> rows and every reading increments one bucket per row, chosen by
    /// an independent hash, so the window's whole extent is in use.
    /// </summary>
    private static void Fold(ReadOnlySpan<byte> readings, byte[] window)
    {
        var rowLength = window.Length / SketchRows;
        for (var i = 0; i + ReadingBytes <= readings.Length; i += ReadingBytes)
        {
            var reading = BitConverter.ToUInt64(readings[i..]);
            for (var row = 0; row < SketchRows; row++)
            {
                var hash = unchecked((reading + (ulong)row) * 0x9E3779B97F4A7C15UL);
                ref var bucket = ref window[(row * rowLength) + (int)(hash % (ulong)rowLength)];
                bucket = unchecked((byte)(bucket + 1));
            }
        }
    }

    private static (long Buckets, byte Peak) Summarise(byte[] window)
    {
        long buckets = 0;
        byte peak = 0;
        foreach (var value in window)
        {
            if (value != 0)
            {
                buckets++;
                peak = Math.Max(peak, value);
            }
        }

        return (buckets, peak);
    }
}
