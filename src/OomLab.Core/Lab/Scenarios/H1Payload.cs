using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H1: large request bodies buffered by an HTTP-triggered function. <c>ProcessOrderHttpTrigger</c> is served on
/// 127.0.0.1 and receives a steady stream of small orders plus bursts of two large bodies of 60-67 % of the ceiling.
/// Buffering one of them takes at least twice its size (the <see cref="MemoryStream"/> doubles its capacity, then the
/// copy to an array), more than the worker's heap limit of 1.1 × the ceiling: each large body fails on its own,
/// whatever the timing, with an OutOfMemoryException or a kill, while memory returns to baseline between bursts.
/// </summary>
internal static class H1Payload
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 40);
        var small = ScenarioSizes.FixedKiB(1, 8);
        return new LabScenario(
            "h1-payload", "H1", "Large HTTP request bodies buffered whole in memory by an HTTP-triggered function", 150, ceiling,
            [baseline, incident],
            [
                new("order-intake-api.zip", "ProcessOrderHttpTrigger", DeploymentSettings.Of(16, 16), baseline.Start, incident.End, Trigger: DeploymentTrigger.Http),
            ])
        {
            HttpLoads =
            [
                new HttpLoad(baseline, At(0.5), 30, small, 4),
                new HttpLoad(incident, At(10), 40, small, 4),
                .. HttpBursts(incident, 11, 8, 2, size.MiBRange(134, 150)),
            ],
        };
    }
}
