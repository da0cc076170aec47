namespace OomLab.Kql;

/// <summary>
/// Limits and clock for a query. Immutable; validated on construction.
/// </summary>
public sealed class KqlOptions
{
    /// <summary>Default <see cref="MaxRows"/>: 10,000,000 rows.</summary>
    public const long DefaultMaxRows = 10_000_000;

    /// <summary>Default <see cref="MaxMemoryBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxMemoryBytes = 1L << 30;

    /// <summary>Creates options.</summary>
    /// <param name="maxRows">
    /// The most rows an operator that multiplies rows (<c>join</c>, <c>mv-expand</c>, <c>range</c>,
    /// <c>union</c>, <c>datatable</c>) may produce; checked before its output is materialised. Default 10,000,000.
    /// </param>
    /// <param name="maxMemoryBytes">The most memory such an operator's output may take, estimated before it is materialised. Default 1 GiB.</param>
    /// <param name="timeProvider">The clock for <c>now()</c> and <c>ago()</c>, read once per query. Default <see cref="TimeProvider.System"/>.</param>
    public KqlOptions(long maxRows = DefaultMaxRows, long maxMemoryBytes = DefaultMaxMemoryBytes, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMemoryBytes);
        MaxRows = maxRows;
        MaxMemoryBytes = maxMemoryBytes;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The options used when none are given.</summary>
    public static KqlOptions Default { get; } = new();

    /// <summary>Row budget per row-multiplying operator (default 10,000,000).</summary>
    public long MaxRows { get; }

    /// <summary>Memory budget per row-multiplying operator's output (default 1 GiB).</summary>
    public long MaxMemoryBytes { get; }

    /// <summary>The clock for <c>now()</c> (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; }
}
