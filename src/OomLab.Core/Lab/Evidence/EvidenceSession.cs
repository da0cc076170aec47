using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Lab.Evidence;

/// <summary>Every seed query run once over a lab run's telemetry store; the verdict and tables read from it.</summary>
internal sealed class EvidenceSession
{
    private readonly Dictionary<string, QueryRun> runs;

    private EvidenceSession(IReadOnlyList<QueryRun> runs, DateTimeOffset t0)
    {
        Runs = runs;
        T0 = t0;
        this.runs = runs.ToDictionary(r => r.Query.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<QueryRun> Runs { get; }

    public DateTimeOffset T0 { get; }

    public QueryRun this[string id] => runs[id];

    public static EvidenceSession Run(string telemetryPath, DateTimeOffset t0, string appName, LabRuntime runtime)
    {
        using var source = TelemetryTableSource.Open(telemetryPath);
        var options = new KqlOptions(timeProvider: new FixedClock(t0.AddMinutes(70)));
        var runs = SeedQueries.All(t0, appName, runtime).Select(q => QueryRun.From(q, KqlEngine.Execute(q.Text, source, options))).ToList();
        return new EvidenceSession(runs, t0);
    }

    /// <summary>The lab time of a phase boundary.</summary>
    public DateTimeOffset At(TimeSpan offset) => T0 + offset;

    // ago() and now() in a pasted query read the end of the runbook, not the wall clock.
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
