using OomLab.Blobs;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public static readonly DateTimeOffset T0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    public static BlobCandidate Candidate(string name, long length = 4096, long ticks = 1) =>
        new(BlobName.Create(name), new BlobVersion(length, ticks), T0);

    public static IEnumerable<BlobCandidate> Candidates(int count, string prefix = "blob-") =>
        Enumerable.Range(0, count).Select(i => Candidate($"{prefix}{i:D5}.txt"));

    public static TraceTelemetry Trace(string message, DateTimeOffset? at = null) =>
        new(at ?? T0, message, SeverityLevel.Information);
}
