using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// The control: not a memory incident. <c>SubmitOrderToFulfillment</c> posts each small order file to a real
/// fulfilment service on loopback that serves one request at a time; when arrivals outgrow it, requests queue,
/// dependency latency rises, and calls fail with 503 or time out, failing the invocations, while memory stays low.
/// </summary>
internal static class Control
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 40);
        return new LabScenario(
            "control", "none", "A downstream service saturates: calls queue, slow down and fail; memory stays healthy", 150, ceiling,
            [baseline, incident],
            [
                new("order-submission.zip", "SubmitOrderToFulfillment", DeploymentSettings.Of(16, 32, ("FULFILLMENT_TIMEOUT_MS", 2000)), baseline.Start, incident.End),
            ])
        {
            BlobLoads =
            [
                Trickle(baseline, 0.5, 20, ScenarioSizes.FixedKiB(1, 4), 5),
                Trickle(incident, 10, 360, ScenarioSizes.FixedKiB(1, 4), 30),
            ],
            Downstream = new SaturatingServiceOptions(concurrency: 1, serviceTime: TimeSpan.FromMilliseconds(100), queueLimit: 16, queueTimeout: TimeSpan.FromSeconds(1.5)),
        };
    }
}
