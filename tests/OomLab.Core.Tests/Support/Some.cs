using OomLab.Blobs;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public const long MiB = 1024 * 1024;

    /// <summary>Writes a blob of <paramref name="size"/> seeded pseudo-random bytes (about one newline in 256).</summary>
    public static string Blob(string directory, string name, long size, int seed = 1)
    {
        var path = Path.Combine(directory, name);
        var random = new Random(seed);
        var chunk = new byte[Math.Min(size, MiB)];
        using var file = File.Create(path);
        for (long left = size; left > 0; left -= chunk.Length)
        {
            random.NextBytes(chunk);
            var count = (int)Math.Min(left, chunk.Length);
            file.Write(chunk, 0, count);
        }

        return path;
    }

    public static readonly DateTimeOffset T0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    public static BlobCandidate Candidate(string name, long length = 4096, long ticks = 1) =>
        new(BlobName.Create(name), new BlobVersion(length, ticks), T0);

    public static IEnumerable<BlobCandidate> Candidates(int count, string prefix = "blob-") =>
        Enumerable.Range(0, count).Select(i => Candidate($"{prefix}{i:D5}.txt"));

    public static TraceTelemetry Trace(string message, DateTimeOffset? at = null) =>
        new(at ?? T0, message, SeverityLevel.Information);
}
