namespace OomLab.Report;

/// <summary>How much of the long tables a report holds. Immutable; the constructor validates.</summary>
internal sealed class ReportOptions
{
    /// <param name="maxTableRows">Rows shown per table (query results, events, failing blobs) before "N more rows"; default 200.</param>
    /// <param name="maxMarkers">Markers drawn per kind on the memory chart; default 5,000 (all of them in any lab run).</param>
    public ReportOptions(int maxTableRows = 200, int maxMarkers = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTableRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMarkers, 1);
        MaxTableRows = maxTableRows;
        MaxMarkers = maxMarkers;
    }

    public static ReportOptions Default { get; } = new();

    public int MaxTableRows { get; }

    public int MaxMarkers { get; }
}
