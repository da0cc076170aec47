using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Rolls up a file of meter readings into a fixed-size aggregation window of <c>ROLLUP_WINDOW_BYTES</c>
/// (default 24 MiB): the file is streamed in 1 MiB pooled chunks, each folded into the window, and the
/// window is summarised at the end. Windows are pooled and reused, one per concurrent invocation, so memory
/// depends on concurrency, not on file size: an efficient design whose legitimate working set at full
/// concurrency sits close to the plan's memory.
/// </summary>
[Function("RollupMeterReadings")]
public sealed class RollupMeterReadings : IBlobFunction
{
    /// <summary>The window size when <c>ROLLUP_WINDOW_BYTES</c> is not set: 24 MiB.</summary>
    public const int DefaultWindowBytes = 24 * 1024 * 1024;

    private const int ChunkSize = 1024 * 1024;

    private readonly ConcurrentBag<byte[]> windows = [];

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = int.TryParse(context.GetSetting("ROLLUP_WINDOW_BYTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured >= ChunkSize
            ? configured
            : DefaultWindowBytes;
        if (!windows.TryTake(out var window) || window.Length != size)
        {
            window = new byte[size];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long bytes = 0;
            var offset = 0;
            await using (var input = context.OpenRead())
            {
                int read;
                while ((read = await input.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                {
                    Fold(chunk.AsSpan(0, read), window, ref offset);
                    bytes += read;
                }
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

    /// <summary>Adds each reading byte into the window's buckets, wrapping around the window.</summary>
    private static void Fold(ReadOnlySpan<byte> readings, byte[] window, ref int offset)
    {
        while (!readings.IsEmpty)
        {
            var take = Math.Min(readings.Length, window.Length - offset);
            var target = window.AsSpan(offset, take);
            for (var i = 0; i < take; i++)
            {
                target[i] = unchecked((byte)(target[i] + readings[i]));
            }

            readings = readings[take..];
            offset = (offset + take) % window.Length;
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
