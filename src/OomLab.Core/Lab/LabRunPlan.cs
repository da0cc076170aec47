using OomLab.Lab.Scenarios;
using OomLab.Memory;

namespace OomLab.Lab;

/// <summary>
/// What one run does, in the seed lab or a scenario: its timeline, the deployments that run in it (in order, each in
/// its window), the load it receives, and the pacing of its workers on the compressed clock.
/// </summary>
/// <param name="Ceiling">The run's memory ceiling (a deployment may run under a multiple of it).</param>
/// <param name="Compression">Lab seconds per real second.</param>
/// <param name="Phases">The timeline, in order, as offsets from T0.</param>
/// <param name="Deployments">What runs when, in order; at least one.</param>
/// <param name="Pacing">The workers' real-time policies.</param>
internal sealed record LabRunPlan(
    MemoryCeiling Ceiling, double Compression, IReadOnlyList<LabPhase> Phases, IReadOnlyList<LabDeployment> Deployments, LabPacing Pacing)
{
    /// <summary>Bursts of blobs written into <c>input/</c>; none by default.</summary>
    public IReadOnlyList<PhaseLoad> BlobLoads { get; init; } = [];

    /// <summary>Bursts of HTTP requests sent to the first deployment's function; none by default.</summary>
    public IReadOnlyList<HttpLoad> HttpLoads { get; init; } = [];

    /// <summary>A downstream service the function calls (<c>FULFILLMENT_URL</c>), started on loopback; none by default.</summary>
    public SaturatingServiceOptions? Downstream { get; init; }

    /// <summary>The end of the timeline.</summary>
    public TimeSpan End => Phases[^1].End;

    /// <summary>The ceiling <paramref name="deployment"/> runs under.</summary>
    public MemoryCeiling CeilingOf(LabDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.CeilingUnder(Ceiling);
    }
}
