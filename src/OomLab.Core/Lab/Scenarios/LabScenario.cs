using OomLab.Memory;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// A lab scenario: a compressed timeline of phases, the deployments that run in it (the faulty one first, then
/// a remediation or a scale-up), and the load it receives (blobs, HTTP requests, a downstream service).
/// Each reproduces one playbook hypothesis (<see cref="Hypothesis"/>) or none (the control).
/// </summary>
/// <param name="Name">The scenario's name on the command line, e.g. <c>h3-cache</c>.</param>
/// <param name="Hypothesis">The hypothesis it reproduces, <c>H1</c>-<c>H6</c>, or <c>none</c>.</param>
/// <param name="Story">One line for people: what goes wrong.</param>
/// <param name="Compression">Lab seconds per real second.</param>
/// <param name="Ceiling">The first deployment's memory ceiling.</param>
/// <param name="Phases">The timeline, in order, as offsets from T0.</param>
/// <param name="Deployments">What runs when, in order; the first is the faulty one.</param>
internal sealed record LabScenario(
    string Name, string Hypothesis, string Story, double Compression, MemoryCeiling Ceiling,
    IReadOnlyList<LabPhase> Phases, IReadOnlyList<LabDeployment> Deployments)
{
    /// <summary>Bursts of blobs written into <c>input/</c>; none by default.</summary>
    public IReadOnlyList<PhaseLoad> BlobLoads { get; init; } = [];

    /// <summary>Bursts of HTTP requests sent to the HTTP-triggered deployment; none by default.</summary>
    public IReadOnlyList<HttpLoad> HttpLoads { get; init; } = [];

    /// <summary>A downstream service the function calls, started on loopback for the run; none by default.</summary>
    public SaturatingServiceOptions? Downstream { get; init; }

    /// <summary>
    /// Each worker's GC heap hard limit as a fraction of its ceiling. Default 1.1, as in the seed lab: the heap may
    /// outgrow the ceiling a little, so that the instance-level kill (exit 137) stays as reachable as the in-process
    /// <see cref="OutOfMemoryException"/>. At 1.0 the runtime collects harder before the ceiling and throws first.
    /// </summary>
    public double HeapLimitFraction { get; init; } = 1.1;

    /// <summary>The end of the timeline.</summary>
    public TimeSpan End => Phases[^1].End;
}
