using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H2, the seed lab's story in half a minute: the buffering function at batch 32 / concurrency 48 receives bursts
/// of blobs each of which fits comfortably (at most an eighth of the ceiling, about three times that while
/// buffered) but which together exhaust memory; the remediation deploys the streaming function at batch 8 /
/// concurrency 12 and the same bursts peak far below the ceiling.
/// </summary>
internal static class H2Blob
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 30);
        var recovery = Phase("Recovery", 30, 50);
        var blobs = size.MiBRange(16, 20);
        return new LabScenario(
            "h2-blob", "H2", "Large blobs buffered whole (MemoryStream, then a byte array) under high concurrency", 150, ceiling,
            [baseline, incident, recovery],
            [
                new("oom-buffering-app.zip", "BlobBufferProcessor", DeploymentSettings.Of(32, 48), baseline.Start, incident.End),
                new("oom-streaming-app.zip", "BlobStreamProcessor", DeploymentSettings.Of(8, 12), recovery.Start, recovery.End),
            ])
        {
            BlobLoads =
            [
                Trickle(baseline, 0.5, 8, size.KiBRange(256, 1024), 1),
                .. Bursts(incident, 10.5, 4, 10, blobs),
                .. Bursts(recovery, 30.5, 4, 10, blobs),
            ],
        };
    }
}
