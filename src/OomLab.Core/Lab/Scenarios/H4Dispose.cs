using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H4: data contexts that are never disposed. Each invocation of <c>SyncCustomerRecords</c> opens a context,
/// queries SQLite (a <c>SQL</c> dependency) and tracks the rows; the context stays reachable from a static
/// change feed, so contexts alive, rows tracked and memory climb together until the worker dies.
/// </summary>
internal static class H4Dispose
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 45);
        var rows = Math.Max(100, (long)(4000 * size.Factor));
        return new LabScenario(
            "h4-dispose", "H4", "Database contexts created per invocation and never disposed accumulate with their tracked rows", 150, ceiling,
            [baseline, incident],
            [
                new("customer-sync.zip", "SyncCustomerRecords", DeploymentSettings.Of(16, 16, ("SYNC_ROWS_PER_INVOCATION", rows)), baseline.Start, incident.End),
            ])
        {
            BlobLoads =
            [
                Trickle(baseline, 0.5, 8, ScenarioSizes.FixedKiB(2, 16), 2),
                Trickle(incident, 10, 90, ScenarioSizes.FixedKiB(2, 32), 6),
            ],
        };
    }
}
