using OomLab.Workers;

namespace OomLab.Lab.Evidence;

/// <summary>
/// The numbers the verdict, the expected-evidence tables and the timeline are judged on, each read from the
/// result of a seed query (named in the comments) restricted to the phase it is about.
/// </summary>
internal sealed record LabMeasurements
{
    private const double MiB = 1024 * 1024;

    public LabMeasurements(EvidenceSession session, long ceilingBytes)
    {
        var incidentFrom = session.At(LabPhase.Incident.Start);
        var incidentTo = session.At(LabPhase.Incident.End);
        CeilingMiB = ceilingBytes / MiB;

        // D: baseline FunctionAppLogs.
        var baselineLogs = session["D"].Texts("Message").ToList();
        BaselineMemoryErrors = baselineLogs.Count(IsMemoryFailure);
        BaselineLifecycleEvents = baselineLogs.Count(m => WorkerTraces.IsExited(m) || m.StartsWith("Restarting worker process", StringComparison.Ordinal));

        // E and F restricted to the incident window.
        var incidentLogs = session["E"].Between("TimeGenerated", incidentFrom, incidentTo).Texts("Message").ToList();
        IncidentMemoryFailures = incidentLogs.Count(IsMemoryFailure);
        IncidentInvocationFailures = incidentLogs.Count(m => m.Contains("Invocation failed", StringComparison.OrdinalIgnoreCase));
        var lifecycle = session["F"].Texts("message").ToList();
        var incidentLifecycle = session["F"].Between("timestamp", incidentFrom, incidentTo).Texts("message").ToList();
        LoadExits = lifecycle.Count(IsExit);
        IncidentExits = incidentLifecycle.Count(IsExit);
        IncidentExits137 = incidentLifecycle.Count(m => m == WorkerTraces.ExitedAfterKill);
        IncidentRestarts = incidentLifecycle.Count(m => m.StartsWith("Restarting worker process", StringComparison.Ordinal));
        IncidentStarts = incidentLifecycle.Count(m => m == "Worker process started");
        PreIncidentExits = session["F"].Between("timestamp", session.At(LabPhase.Load1.Start), incidentFrom).Texts("message").Count(IsExit);

        // C, I and I-recovery: Private Bytes by 5-minute bin.
        BaselinePeakMiB = Max(session["C"].Numbers("maxMemoryMB"));
        LoadPeakMiB = Max(session["I"].Numbers("maxMemoryMB"));
        IncidentPeakMiB = Max(session["I"].Between("timestamp", incidentFrom, incidentTo).Numbers("maxMemoryMB"));
        RecoveryLastAvgMiB = session["I-recovery"].Numbers("avgMemoryMB").LastOrDefault();

        // B, G, G-recovery (PostFix-2 has the same numbers): requests by bin.
        BaselineP95Ms = Max(session["B"].Numbers("p95Ms"));
        BaselineFailurePercent = Max(session["B"].Numbers("failureRatePercent"));
        var incidentRequests = session["G"].Between("timestamp", incidentFrom, incidentTo);
        IncidentP95Ms = Max(incidentRequests.Numbers("p95Ms"));
        IncidentFailurePercent = Max(incidentRequests.Numbers("failureRatePercent"));
        LoadP95Ms = Max(session["G"].Numbers("p95Ms"));
        LoadFailurePercent = Max(session["G"].Numbers("failureRatePercent"));
        RecoveryP95Ms = Max(session["PostFix-2"].Numbers("p95Ms"));
        RecoveryFailurePercent = Max(session["PostFix-2"].Numbers("failureRatePercent"));

        // H-baseline and H: dependencies.
        BaselineDependencyP95Ms = Max(session["H-baseline"].Numbers("p95Ms"));
        BaselineDependencyFailurePercent = Max(session["H-baseline"].Numbers("failureRatePercent"));
        LoadDependencyP95Ms = Max(session["H"].Numbers("p95Ms"));
        LoadDependencyFailurePercent = Max(session["H"].Numbers("failureRatePercent"));

        // The post-fix queries count.
        PostFixMemoryFailures = (long)session["PostFix-1"].Numbers("count_").FirstOrDefault();
        PostFixExits = (long)session["PostFix-3"].Numbers("count_").FirstOrDefault();
        Errors = [.. session.Runs.Where(r => r.Error is not null).Select(r => $"{r.Query.Id}: {r.Error}")];
    }

    public double CeilingMiB { get; }

    public double CriticalMiB => CeilingMiB * MemoryBands.CriticalMin;

    public double HealthyMaxMiB => CeilingMiB * MemoryBands.HealthyMax;

    public double DegradedMinMiB => CeilingMiB * MemoryBands.DegradedMin;

    public int BaselineMemoryErrors { get; }

    public int BaselineLifecycleEvents { get; }

    public int IncidentMemoryFailures { get; }

    /// <summary>The in-process memory failure's name in the texts: <c>MemoryError</c> (the default) or <c>System.OutOfMemoryException</c>.</summary>
    public string MemoryFailure { get; init; } = LabRuntime.Python.MemoryFailure;

    public int IncidentInvocationFailures { get; }

    public int LoadExits { get; }

    public int PreIncidentExits { get; }

    public int IncidentExits { get; }

    public int IncidentExits137 { get; }

    public int IncidentRestarts { get; }

    public int IncidentStarts { get; }

    public double BaselinePeakMiB { get; }

    public double LoadPeakMiB { get; }

    public double IncidentPeakMiB { get; }

    public double RecoveryLastAvgMiB { get; }

    public double BaselineP95Ms { get; }

    public double BaselineFailurePercent { get; }

    public double IncidentP95Ms { get; }

    public double IncidentFailurePercent { get; }

    public double LoadP95Ms { get; }

    public double LoadFailurePercent { get; }

    public double RecoveryP95Ms { get; }

    public double RecoveryFailurePercent { get; }

    public double BaselineDependencyP95Ms { get; }

    public double BaselineDependencyFailurePercent { get; }

    public double LoadDependencyP95Ms { get; }

    public double LoadDependencyFailurePercent { get; }

    public long PostFixMemoryFailures { get; }

    public long PostFixExits { get; }

    /// <summary>Queries that failed to run; the verdict cannot be trusted when any did.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static bool IsMemoryFailure(string message) =>
        message.Contains("OutOfMemoryException", StringComparison.Ordinal) || message.Contains("MemoryError", StringComparison.Ordinal);

    private static bool IsExit(string message) => WorkerTraces.IsExited(message);

    private static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(0).Max();
}
