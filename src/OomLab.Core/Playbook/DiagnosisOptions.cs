namespace OomLab.Playbook;

/// <summary>What a diagnosis needs besides the telemetry. Immutable; validated on construction.</summary>
internal sealed record DiagnosisOptions
{
    /// <summary>Default <see cref="EvidenceRowLimit"/>: 20 rows per hypothesis.</summary>
    public const int DefaultEvidenceRowLimit = 20;

    /// <param name="playbook">The playbook to walk.</param>
    /// <param name="ceilingBytes">The plan's memory ceiling per instance; positive.</param>
    /// <param name="ceiling">The ceiling for people, e.g. <c>EP1/16 (224 MiB)</c>.</param>
    public DiagnosisOptions(PlaybookDefinition playbook, long ceilingBytes, string ceiling)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceilingBytes);
        Playbook = playbook;
        CeilingBytes = ceilingBytes;
        Ceiling = ceiling;
    }

    public PlaybookDefinition Playbook { get; }

    public long CeilingBytes { get; }

    public string Ceiling { get; }

    /// <summary>"now" for <c>ago()</c>; default null: the latest timestamp in the telemetry.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>MAX_CONCURRENT_INVOCATIONS in force during the incident, when known (a lab bundle says); default null.</summary>
    public long? ConfiguredConcurrency { get; init; }

    /// <summary>Evidence rows kept per hypothesis; default 20.</summary>
    public int EvidenceRowLimit { get; init; } = DefaultEvidenceRowLimit;
}
