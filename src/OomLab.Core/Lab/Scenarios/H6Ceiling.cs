using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H6: the workload legitimately needs the plan's memory. <c>RollupMeterReadings</c> streams each file through a
/// fixed aggregation window (pooled, one per concurrent invocation), so memory depends on concurrency, not on file
/// size, and sits on a plateau close to the ceiling. Month-end files (at least 9.6 MiB, about one in twenty) also need a
/// month window for their invocation: the short, legitimate peaks that kill the worker. The same load on a plan with twice the memory runs with no kill.
/// </summary>
internal static class H6Ceiling
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var steady = Phase("Steady load", 0, 20);
        var scaled = Phase("Scaled up", 20, 40);
        var settings = ScenarioSettings.Of(8, 8, ("ROLLUP_WINDOW_BYTES", size.MiB(24)), ("ROLLUP_MONTH_END_BYTES", size.MiB(9.6)));
        var files = size.MiBRange(2, 10);
        return new LabScenario(
            "h6-ceiling", "H6", "An efficient streaming workload whose legitimate working set needs close to the plan's memory", 150, ceiling,
            [steady, scaled],
            [
                new("meter-rollup.zip", "RollupMeterReadings", settings, steady.Start, steady.End),
                new("meter-rollup.zip", "RollupMeterReadings", settings, scaled.Start, scaled.End, CeilingFactor: 2),
            ])
        {
            BlobLoads =
            [
                .. Bursts(steady, 0.5, 2, 12, files, rate: 200),
                .. Bursts(scaled, 20.5, 2, 12, files, rate: 200),
            ],
        };
    }
}
