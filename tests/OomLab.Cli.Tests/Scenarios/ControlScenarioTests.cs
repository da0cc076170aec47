using System.Globalization;
using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>control: a saturated downstream service fails requests while memory stays healthy.</summary>
[Collection(LabRuns.Name)]
public sealed class ControlScenarioTests(ControlRun run) : IClassFixture<ControlRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth()
    {
        run.ShouldHaveCompleted("none", "SubmitOrderToFulfillment");
        run.Result.Stdout.ShouldContain("hypothesis reproduced: none");
    }

    [Fact]
    public void Memory_stays_healthy_with_no_crash()
    {
        run.Exits137.ShouldBe(0);
        run.OutOfMemoryExceptions.ShouldBe(0);
        run.InstancePrivateBytes().Max().ShouldBeLessThanOrEqualTo(run.CeilingBytes * 0.2);
        run.Telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Host heartbeat'").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_downstream_dependency_saturates_slows_and_fails_the_requests()
    {
        var db = run.Telemetry;
        db.Count("SELECT count(*) FROM dependencies WHERE type = 'HTTP' AND success = 0 AND resultCode IN ('503', 'Timeout')").ShouldBeGreaterThan(0);
        db.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBeGreaterThan(0);
        var incident = run.Json.GetProperty("phases")[1].GetProperty("start").GetString()!;
        var from = DateTime.Parse(incident, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Ticks;
        var baseline = Median(db, $"timestamp < {from}");
        var saturated = Median(db, $"timestamp >= {from}");
        // Queueing, not CPU: successful calls in the incident wait behind others for several service times (100 ms each),
        // which holds on a busy machine too, where the baseline's calls are slower than on an idle one.
        saturated.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(300).Ticks, "queueing latency rises");
        saturated.ShouldBeGreaterThan(baseline, "queueing latency rises");
    }

    /// <summary>The median duration (ticks) of successful HTTP dependency calls matching <paramref name="where"/>.</summary>
    private static long Median(TelemetryDb db, string where)
    {
        var durations = db.Rows($"SELECT duration FROM dependencies WHERE type = 'HTTP' AND success = 1 AND {where} ORDER BY duration")
            .Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture))
            .ToList();
        durations.ShouldNotBeEmpty(where);
        return durations[durations.Count / 2];
    }

    [Fact]
    public async Task Diagnose_concludes_memory_is_not_the_cause_and_supports_no_hypothesis()
    {
        var result = await run.DiagnoseAsync();

        result.ExitCode.ShouldBe(3, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("memoryIsCause").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("conclusion").GetString().ShouldStartWith("Memory is not the cause");
        json.RootElement.GetProperty("hypotheses").EnumerateArray().ShouldAllBe(h => h.GetProperty("status").GetString() != "supported");
    }
}
