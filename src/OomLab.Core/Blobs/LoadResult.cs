namespace OomLab.Blobs;

/// <summary>What a load wrote.</summary>
internal sealed record LoadResult(int Blobs, long Bytes, TimeSpan Elapsed, string FirstName, string LastName)
{
    /// <summary>Time spent generating and writing blobs, without the waits that pace them to the rate.</summary>
    public TimeSpan Writing { get; init; }

    public double BlobsPerSecond => Elapsed > TimeSpan.Zero ? Blobs / Elapsed.TotalSeconds : double.PositiveInfinity;
}
