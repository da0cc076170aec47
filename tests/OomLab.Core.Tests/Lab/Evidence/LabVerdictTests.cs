using OomLab.Lab.Evidence;

namespace OomLab.Tests.Lab.Evidence;

/// <summary>The verdict table's "Post-fix latency/failures normalize" row judges recovery against the incident under the same bursts.</summary>
public sealed class LabVerdictTests
{
    [Theory]
    [InlineData(0.0, 1340.0, 690.0, false)] // the seed reader's case: recovery p95 above the incident's is not normal
    [InlineData(0.0, 690.0, 690.0, true)]
    [InlineData(0.0, 400.0, 690.0, true)]
    [InlineData(1.5, 400.0, 690.0, false)] // failures still at 1 % or more
    public void Latency_normalizes_only_when_recovery_is_no_slower_than_the_incident_and_rarely_fails(
        double recoveryFailurePercent, double recoveryP95Ms, double incidentP95Ms, bool normalizes)
    {
        LabVerdict.LatencyNormalizes(recoveryFailurePercent, recoveryP95Ms, incidentP95Ms).ShouldBe(normalizes);
    }
}
