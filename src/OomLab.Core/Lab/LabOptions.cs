namespace OomLab.Lab;

/// <summary>How to run the seed lab. Immutable; validated on construction.</summary>
internal sealed record LabOptions : LabRunOptions
{
    public LabOptions(string outDirectory, LabScale scale)
        : base(outDirectory)
    {
        ArgumentNullException.ThrowIfNull(scale);
        Scale = scale;
    }

    public LabScale Scale { get; }

    public LabVariant Variant { get; init; } = LabVariant.Buffer;

    /// <summary>
    /// The seed's runbook: the failing deployment (or, for <see cref="LabVariant.Stream"/>, streaming with the same
    /// settings) until 02:25, then the remediation through recovery, under the phases' load.
    /// </summary>
    public override LabRunPlan Plan => new(
        Scale.Ceiling, Scale.Compression, LabPhase.All,
        [Variant == LabVariant.Buffer ? LabDeployment.Buffering : LabDeployment.StreamingUnchanged, LabDeployment.Remediated],
        LabPacing.Seed)
    {
        BlobLoads = Scale.Loads,
    };
}
