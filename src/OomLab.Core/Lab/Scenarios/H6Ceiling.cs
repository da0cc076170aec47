using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H6: the workload legitimately needs the plan's memory. <c>RollupMeterReadings</c> streams each file through a
/// fixed aggregation window (pooled, one per concurrent invocation), so memory depends on concurrency, not on file
/// size, and sits on a plateau close to the ceiling. Day files of 2-9 MiB arrive in bursts of eight; every six minutes a
/// month-end file (at least 9.6 MiB) also needs a month window for its invocation: the short, legitimate peaks that kill
/// the worker. The same load on a plan with twice the memory runs with no kill.
/// </summary>
internal static class H6Ceiling
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var steady = Phase("Steady load", 0, 20);
        var scaled = Phase("Scaled up", 20, 40);
        var settings = DeploymentSettings.Of(8, 8, ("ROLLUP_WINDOW_BYTES", size.MiB(25)), ("ROLLUP_MONTH_END_BYTES", size.MiB(9.6)));
        var days = size.MiBRange(2, 9);
        var monthEnds = size.MiBRange(9.8, 10);
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
                .. Bursts(steady, 0.5, 3, 8, days, rate: 200),
                .. Bursts(steady, 5, 6, 1, monthEnds),
                .. Bursts(scaled, 20.5, 3, 8, days, rate: 200),
                .. Bursts(scaled, 25, 6, 1, monthEnds),
            ],
        };
    }
}
