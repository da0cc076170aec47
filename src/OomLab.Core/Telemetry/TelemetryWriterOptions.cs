namespace OomLab.Telemetry;

/// <summary>How <see cref="TelemetryWriter"/> buffers. Immutable; the constructor validates.</summary>
internal sealed class TelemetryWriterOptions
{
    /// <param name="capacity">Items buffered before new ones are dropped (and counted); default 65,536.</param>
    /// <param name="batchSize">Items written per transaction at most; default 2,048.</param>
    public TelemetryWriterOptions(int capacity = 65_536, int batchSize = 2_048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Capacity = capacity;
        BatchSize = batchSize;
    }

    public static TelemetryWriterOptions Default { get; } = new();

    public int Capacity { get; }

    public int BatchSize { get; }
}
