using OomLab.Lab;

namespace OomLab.Tests.Lab;

/// <summary>When the lab stops a deployment before the next one's window opens.</summary>
public sealed class LabPacingTests
{
    [Fact]
    public void The_seed_labs_buffering_deployment_stops_early_enough_for_its_workers_to_be_gone_before_recovery()
    {
        var small = LabScale.Small.Compression;

        var stopAt = LabPacing.Seed.StopAt(LabDeployment.Buffering, small, TimeSpan.FromSeconds(30));

        // 30 lab seconds plus 1.5 real seconds at the small scale's compression, before 02:25.
        stopAt.ShouldBe(LabPhase.Remediation - TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(1.5 * small));
        ((LabPhase.Remediation - stopAt) / small).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.5), "real time to stop");
        stopAt.ShouldBeGreaterThan(LabPhase.Incident.Start, "the incident window still runs the buffering deployment");
    }

    [Fact]
    public void A_scenario_keeps_its_30_lab_second_lead()
    {
        LabPacing.Scenario(1.0).StopAt(LabDeployment.Buffering, 150, TimeSpan.FromSeconds(30))
            .ShouldBe(LabPhase.Remediation - TimeSpan.FromSeconds(30));
    }
}
