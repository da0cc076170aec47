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
    /// The apps' language: <see cref="LabRuntime.Python"/> (the default) runs the seed's own Python apps
    /// (<see cref="SeedApps"/>, given as <see cref="LabRunOptions.App"/>), <see cref="LabRuntime.Dotnet"/> oomlab's
    /// C# sample functions.
    /// </summary>
    public LabRuntime Runtime { get; init => field = value ?? throw new ArgumentNullException(nameof(Runtime)); } = LabRuntime.Python;

    private IReadOnlyList<LabDeployment> SampleDeployments =>
        [Variant == LabVariant.Buffer ? LabDeployment.Buffering : LabDeployment.StreamingUnchanged, LabDeployment.Remediated];

    /// <summary>
    /// The seed's runbook: the failing deployment (or, for <see cref="LabVariant.Stream"/>, streaming with the same
    /// settings) until 02:25, then the remediation through recovery, under the phases' load.
    /// </summary>
    public override LabRunPlan Plan => new(
        Scale.Ceiling, Scale.Compression, LabPhase.All,
        App?.Apply(SampleDeployments) ?? SampleDeployments,
        Runtime == LabRuntime.Python ? LabPacing.SeedPython : LabPacing.Seed)
    {
        BlobLoads = Runtime == LabRuntime.Python ? Scale.ForPython().Loads : Scale.Loads,
    };
}
