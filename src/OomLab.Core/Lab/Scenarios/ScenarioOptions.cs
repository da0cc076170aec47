namespace OomLab.Lab.Scenarios;

/// <summary>How to run a scenario. Immutable; validated on construction.</summary>
internal sealed record ScenarioOptions
{
    public ScenarioOptions(string outDirectory, LabScenario scenario)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        ArgumentNullException.ThrowIfNull(scenario);
        OutDirectory = Path.GetFullPath(outDirectory);
        Scenario = scenario;
    }

    /// <summary>The run's folder: containers, state, telemetry and <c>scenario.json</c>.</summary>
    public string OutDirectory { get; }

    public LabScenario Scenario { get; }

    /// <summary>The app's name in telemetry. Default <c>func-oom-lab-001</c>, as in the seed.</summary>
    public string AppName { get; init; } = "func-oom-lab-001";

    /// <summary>Makes the load repeatable. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Lab time at the start. Default the seed's T0.</summary>
    public DateTimeOffset T0 { get; init; } = LabOptions.SeedT0;

    /// <summary>
    /// App settings that override the first (faulty) deployment's, e.g. <c>MAX_CONCURRENT_INVOCATIONS=2</c>. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, string> SettingOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Keep the first deployment to the end instead of applying the remediation or scale-up. Default false.</summary>
    public bool NoRemediation { get; init; }

    public required string FunctionsAssembly { get; init; }

    public required string WorkerCommand { get; init; }

    public required IReadOnlyList<string> WorkerCommandPrefix { get; init; }

    /// <summary>The deployments that run: the scenario's, with the overrides applied to the first, and only the first when <see cref="NoRemediation"/>.</summary>
    public IReadOnlyList<ScenarioDeployment> Deployments
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
            return NoRemediation ? [first with { End = Scenario.End }] : [first, .. deployments.Skip(1)];
        }
    }
}
