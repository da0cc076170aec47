namespace OomLab.Report;

/// <summary>
/// Everything one report shows, loaded by <see cref="ReportLoader"/> from a bundle (lab or scenario) or a bare
/// telemetry store. Sections without data are empty (or null) and the renderer omits them or says so.
/// </summary>
internal sealed record ReportModel
{
    /// <summary>The page's heading, for example the app name and the kind of run.</summary>
    public required string Title { get; init; }

    /// <summary>The bundle folder or telemetry file the report was made from.</summary>
    public required string Source { get; init; }

    /// <summary>Facts about the run shown under the title (app, scale, ceiling, variant, deployments), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    public IReadOnlyList<PhaseSpan> Phases { get; init; } = [];

    /// <summary>When the remediation was applied (the second deployment's start), if the run had one.</summary>
    public DateTimeOffset? Remediation { get; init; }

    /// <summary>The memory ceiling in bytes, when known (from <c>settings.json</c> or the workers' exit traces).</summary>
    public long? CeilingBytes { get; init; }

    public IReadOnlyList<MemorySeries> Memory { get; init; } = [];

    public IReadOnlyList<LifecycleMarker> Markers { get; init; } = [];

    /// <summary>Predicted against measured peak per invocation, when the run's hosts admitted by predicted memory; else empty.</summary>
    public IReadOnlyList<AdmissionPeak> AdmissionPeaks { get; init; } = [];

    /// <summary>The width of the request and dependency bins.</summary>
    public TimeSpan BinSize { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<RequestBin> Requests { get; init; } = [];

    public IReadOnlyList<DependencyBin> Dependencies { get; init; } = [];

    public IReadOnlyList<FailingBlob> FailingBlobs { get; init; } = [];

    public VerdictSection? Verdict { get; init; }

    public IReadOnlyList<QueryResult> Queries { get; init; } = [];

    public DiagnosisModel? Diagnosis { get; init; }

    /// <summary>Files that were present but could not be read, each with why; shown at the top of the report.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The span every chart shares: from the first to the last thing the report shows, phases included.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? TimeRange()
    {
        var times = Phases.SelectMany(p => new[] { p.Start, p.End })
            .Concat(Memory.SelectMany(s => s.Points.Count == 0 ? [] : new[] { s.Points[0].Time, s.Points[^1].Time }))
            .Concat(Markers.Select(m => m.Time))
            .Concat(Requests.SelectMany(b => new[] { b.Start, b.Start + BinSize }))
            .Concat(Dependencies.SelectMany(b => new[] { b.Start, b.Start + BinSize }))
            .ToList();
        return times.Count == 0 ? null : (times.Min(), times.Max());
    }
}
