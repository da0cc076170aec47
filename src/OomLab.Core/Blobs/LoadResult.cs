namespace OomLab.Blobs;

/// <summary>What a load wrote.</summary>
internal sealed record LoadResult(int Blobs, long Bytes, TimeSpan Elapsed, string FirstName, string LastName)
{
    public double BlobsPerSecond => Elapsed > TimeSpan.Zero ? Blobs / Elapsed.TotalSeconds : double.PositiveInfinity;
}
