namespace OomLab.Lab;

/// <summary>
/// What every run needs, in the seed lab (<see cref="LabOptions"/>) or a scenario (<see cref="Scenarios.ScenarioOptions"/>):
/// its folder, app name, seed, clock start and how to start workers, and the <see cref="Plan"/> it carries out.
/// Immutable; validated on construction.
/// </summary>
internal abstract record LabRunOptions
{
    /// <summary>The seed's T0: 2026-04-05 01:30:00Z.</summary>
    public static readonly DateTimeOffset SeedT0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    protected LabRunOptions(string outDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        OutDirectory = Path.GetFullPath(outDirectory);
    }

    /// <summary>The run's folder: containers, state, telemetry and the bundle.</summary>
    public string OutDirectory { get; }

    /// <summary>The app's name in telemetry. Default <c>func-oom-lab-001</c>, as in the seed.</summary>
    public string AppName { get; init; } = "func-oom-lab-001";

    /// <summary>Makes blob sizes, contents and requests repeatable. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Lab time at the start. Default the seed's T0.</summary>
    public DateTimeOffset T0 { get; init; } = SeedT0;

    /// <summary>
    /// Keep every blob (the load and the outputs). Default false: a blob's input and outputs are deleted once it
    /// is done or poisoned, so a run's disk use stays near one burst rather than the whole load.
    /// </summary>
    public bool KeepBlobs { get; init; }

    /// <summary>Memory-aware admission for every deployment's host. Default off, so the lab reproduces production.</summary>
    public Hosting.Admission.AdmissionOptions Admission { get; init => field = value ?? throw new ArgumentNullException(nameof(Admission)); } = Hosting.Admission.AdmissionOptions.Off;

    /// <summary>The functions assembly and the executable that starts workers (the CLI supplies them).</summary>
    public required string FunctionsAssembly { get; init; }

    public required string WorkerCommand { get; init; }

    public required IReadOnlyList<string> WorkerCommandPrefix { get; init; }

    /// <summary>A user's function app whose functions run in place of the sample ones; null (the default) for the samples.</summary>
    public LabApp? App { get; init; }

    /// <summary>The container the load is written to and the host reads: the app's trigger container, else <c>input</c>.</summary>
    public string InputContainer => App?.InputContainer ?? "input";

    /// <summary>What the run does: its timeline, deployments, load and pacing.</summary>
    public abstract LabRunPlan Plan { get; }
}
