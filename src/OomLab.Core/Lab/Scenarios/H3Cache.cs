using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H3: an unbounded static cache. A steady trickle of small order files (at most 64 KiB); each invocation of
/// <c>EnrichOrderRecords</c> adds a snapshot of about 1/80 of the ceiling to a cache that is never evicted, so
/// the worker's Private Bytes climbs step by step, with no sawtooth, until it is killed; then it climbs again.
/// </summary>
internal static class H3Cache
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 45);
        return new LabScenario(
            "h3-cache", "H3", "A static cache that is never evicted grows across invocations until the worker is killed", 150, ceiling,
            [baseline, incident],
            [
                new("orders-enrichment.zip", "EnrichOrderRecords",
                    DeploymentSettings.Of(16, 16, ("ENRICHMENT_SNAPSHOT_BYTES", size.KiB(2867))), baseline.Start, incident.End),
            ])
        {
            BlobLoads =
            [
                Trickle(baseline, 0.5, 8, ScenarioSizes.FixedKiB(4, 16), 2),
                Trickle(incident, 10, 110, ScenarioSizes.FixedKiB(8, 64), 8),
            ],
        };
    }
}
