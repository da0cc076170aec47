namespace OomLab.Lab;

/// <summary>How to run the lab. Immutable; validated on construction.</summary>
internal sealed record LabOptions
{
    /// <summary>The seed's T0: 2026-04-05 01:30:00Z.</summary>
    public static readonly DateTimeOffset SeedT0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    public LabOptions(string outDirectory, LabScale scale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        ArgumentNullException.ThrowIfNull(scale);
        OutDirectory = Path.GetFullPath(outDirectory);
        Scale = scale;
    }

    /// <summary>The run's folder: containers, state, telemetry and the evidence bundle.</summary>
    public string OutDirectory { get; }

    public LabScale Scale { get; }

    /// <summary>The app's name, as in the seed: <c>func-oom-lab-001</c>.</summary>
    public string AppName { get; init; } = "func-oom-lab-001";

    /// <summary>Makes blob sizes and contents repeatable. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Lab time at the start. Default the seed's T0.</summary>
    public DateTimeOffset T0 { get; init; } = SeedT0;

    public LabVariant Variant { get; init; } = LabVariant.Buffer;

    /// <summary>
    /// Keep every blob (the load and the outputs). Default false: a blob's input and outputs are deleted once it
    /// is done or poisoned, so a run's disk use stays near one burst rather than the whole load.
    /// </summary>
    public bool KeepBlobs { get; init; }

    /// <summary>The functions assembly and the executable that starts workers (the CLI supplies them).</summary>
    public required string FunctionsAssembly { get; init; }

    public required string WorkerCommand { get; init; }

    public required IReadOnlyList<string> WorkerCommandPrefix { get; init; }
}
