using OomLab.Playbook;

namespace OomLab.Tests.Playbook;

/// <summary>The estimator: per-invocation memory, the largest safe concurrency under 75 % of the ceiling, guard and plan.</summary>
public sealed class MitigationCalculatorTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    // ceiling, idle, peak, in flight, payload -> safe concurrency
    [InlineData(1000, 100, 900, 8, 0, 6)]      // (900-100)/8 = 100 per invocation; (750-100)/100 = 6
    [InlineData(1000, 100, 900, 8, 70, 3)]     // the payload estimate is larger: 3 x 70 = 210; (750-100)/210 = 3
    [InlineData(1000, 100, 900, 8, 30, 6)]     // 3 x 30 = 90 < 100: the memory estimate wins
    [InlineData(1000, 100, 900, 1, 0, 0)]      // one invocation takes 800 > 650: none is safe
    public void Safe_concurrency_keeps_the_instance_under_75_percent(long ceilingMiB, long idleMiB, long peakMiB, long inFlight, long payloadMiB, int safe)
    {
        var signals = new Dictionary<string, double?>
        {
            ["idleInstanceBytes"] = idleMiB * MiB,
            ["peakInstanceBytes"] = peakMiB * MiB,
            ["inFlightAtKill"] = inFlight,
            ["maxBlobBytesOnCrashOps"] = payloadMiB == 0 ? null : payloadMiB * MiB,
        };

        var plan = MitigationCalculator.Compute(ceilingMiB * MiB, "custom", n => signals.GetValueOrDefault(n), configuredConcurrency: null, scaleNeeded: false);

        plan.SafeConcurrency.ShouldBe(safe);
        (plan.BatchSize + plan.NewBatchThreshold).ShouldBe(Math.Max(1, safe));
        plan.AppSettings["MAX_CONCURRENT_INVOCATIONS"].ShouldBe(Math.Max(1, safe).ToString(System.Globalization.CultureInfo.InvariantCulture));
        plan.HostJson.ShouldContain($"\"batchSize\": {plan.BatchSize}");
    }

    [Theory]
    [InlineData(234881024, "EP1/16 (224 MiB)", 234881024, "EP2/16 (448 MiB)")]
    [InlineData(3758096384, "EP1 (3584 MiB)", 3758096384, "EP2 (7 GiB)")]
    [InlineData(3758096384, "EP1 (3584 MiB)", 6442450944, "EP3 (14 GiB)")]
    public void Scale_plan_is_the_next_premium_plan_with_room_for_the_peak(long ceiling, string description, long peak, string expected)
    {
        MitigationCalculator.ScalePlan(ceiling, description, peak).ShouldBe(expected);
    }

    [Fact]
    public void Alerts_at_75_85_95_percent_are_valid_kql_over_the_telemetry_tables()
    {
        var plan = MitigationCalculator.Compute(1000 * MiB, "custom", _ => null, null, false);

        plan.Alerts.Select(a => a.Percent).ShouldBe([75, 85, 95]);
        foreach (var alert in plan.Alerts)
        {
            OomLab.Kql.KqlEngine.Check(alert.Query, EmptyTelemetryTables.Instance).ShouldBeEmpty();
            alert.Query.ShouldContain(alert.ThresholdBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
