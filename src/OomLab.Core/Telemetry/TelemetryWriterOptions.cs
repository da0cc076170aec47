using OomLab.Configuration;

namespace OomLab.Telemetry;

/// <summary>How <see cref="TelemetryWriter"/> buffers. Immutable; the constructor validates.</summary>
internal sealed class TelemetryWriterOptions
{
    /// <param name="capacity">Items buffered before new ones are dropped (and counted); default 65,536.</param>
    /// <param name="batchSize">Items written per transaction at most; default 2,048.</param>
    /// <param name="linger">
    /// How long the first item of a batch waits for more before the batch is written; default 20 ms. Each transaction
    /// rewrites the last page of every table it touches, so rows that arrive a few at a time are cheaper written together
    /// (a host run wrote about two transactions per blob without it). A flush does not wait. 0 to 1 day.
    /// </param>
    public TelemetryWriterOptions(int capacity = 65_536, int batchSize = 2_048, TimeSpan? linger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Capacity = capacity;
        BatchSize = batchSize;
        Linger = OptionRange.UpToADay(linger ?? TimeSpan.FromMilliseconds(20), nameof(linger));
    }

    public static TelemetryWriterOptions Default { get; } = new();

    public int Capacity { get; }

    public int BatchSize { get; }

    public TimeSpan Linger { get; }
}
