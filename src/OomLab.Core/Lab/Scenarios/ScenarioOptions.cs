namespace OomLab.Lab.Scenarios;

/// <summary>How to run a scenario. Immutable; validated on construction.</summary>
internal sealed record ScenarioOptions : LabRunOptions
{
    public ScenarioOptions(string outDirectory, LabScenario scenario)
        : base(outDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
    }

    public LabScenario Scenario { get; }

    /// <summary>
    /// App settings that override the first (faulty) deployment's, e.g. <c>MAX_CONCURRENT_INVOCATIONS=2</c>. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, string> SettingOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Keep the first deployment to the end instead of applying the remediation or scale-up. Default false.</summary>
    public bool NoRemediation { get; init; }

    /// <summary>
    /// The deployments that run: the scenario's, with the overrides applied to the first, and only the first when
    /// <see cref="NoRemediation"/>; with <see cref="LabRunOptions.App"/>, the app's functions in place of the samples.
    /// </summary>
    public IReadOnlyList<LabDeployment> Deployments
    {
        get
        {
            var deployments = Scenario.Deployments;
            var first = deployments[0];
            var settings = new Dictionary<string, string>(first.AppSettings, StringComparer.Ordinal);
            foreach (var (key, value) in SettingOverrides)
            {
                settings[key] = value;
            }

            first = first with { AppSettings = settings };
            IReadOnlyList<LabDeployment> chosen = NoRemediation ? [first with { End = Scenario.End }] : [first, .. deployments.Skip(1)];
            return App?.Apply(chosen) ?? chosen;
        }
    }

    /// <summary>The scenario's timeline, load and downstream service, with <see cref="Deployments"/>.</summary>
    public override LabRunPlan Plan => new(Scenario.Ceiling, Scenario.Compression, Scenario.Phases, Deployments, LabPacing.Scenario(Scenario.HeapLimitFraction))
    {
        BlobLoads = Scenario.BlobLoads,
        HttpLoads = Scenario.HttpLoads,
        Downstream = Scenario.Downstream,
    };
}
