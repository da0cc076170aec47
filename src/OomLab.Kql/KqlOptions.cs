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
    /// <param name="shareLetResults">
    /// Whether a tabular <c>let</c> whose text, with everything before it, repeats in a later query run with
    /// these options reuses the first query's result instead of running again (a playbook's shared prelude).
    /// Only for queries over one unchanging table source with a fixed clock. Default false.
    /// </param>
    public KqlOptions(long maxRows = DefaultMaxRows, long maxMemoryBytes = DefaultMaxMemoryBytes, TimeProvider? timeProvider = null, bool shareLetResults = false)
    {
        ShareLetResults = shareLetResults;
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

    /// <summary>Whether queries with these options share tabular <c>let</c> results (default false).</summary>
    public bool ShareLetResults { get; }

    internal System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<KqlTable>> LetResults { get; } = new(StringComparer.Ordinal);

    /// <summary>The clock for <c>now()</c> (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; }
}
