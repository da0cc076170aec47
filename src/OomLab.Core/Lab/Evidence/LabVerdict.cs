using System.Globalization;

namespace OomLab.Lab.Evidence;

/// <summary>
/// The seed's hypothesis verdict: proof criteria 1-5 and disproof criteria 1-3, each judged on the seed's
/// queries. The hypothesis is supported when every proof criterion holds and no disproof criterion does.
/// </summary>
internal sealed record LabVerdict(IReadOnlyList<Criterion> Proof, IReadOnlyList<Criterion> Disproof, IReadOnlyList<string> QueryErrors)
{
    public bool Supported => QueryErrors.Count == 0 && Proof.All(c => c.Holds) && !Disproof.Any(c => c.Holds);

    /// <summary>The seed's closing line.</summary>
    public string FinalVerdict => Supported ? "Final verdict: Hypothesis supported." : "Final verdict: Hypothesis not supported.";

    public static LabVerdict Evaluate(LabMeasurements m)
    {
        var requestsDegrade = m.LoadFailurePercent > m.BaselineFailurePercent || m.LoadP95Ms >= 2 * m.BaselineP95Ms;
        var dependenciesDegrade = m.LoadDependencyFailurePercent > m.BaselineDependencyFailurePercent || m.LoadDependencyP95Ms >= 2 * m.BaselineDependencyP95Ms;
        var restartsImprove = m.PostFixExits < m.LoadExits;
        var latencyImproves = m.RecoveryFailurePercent < m.IncidentFailurePercent || m.RecoveryP95Ms < m.IncidentP95Ms;

        Criterion[] proof =
        [
            new("P1", "FunctionAppLogs in the incident window include memory failure patterns or abrupt invocation failures aligned to worker exits.",
                m.IncidentMemoryFailures > 0 || (m.IncidentInvocationFailures > 0 && m.IncidentExits > 0),
                F($"{m.IncidentMemoryFailures} {m.MemoryFailure} records and {m.IncidentInvocationFailures} \"Invocation failed\" records in 02:15-02:25, {m.IncidentExits} worker exits"),
                ["E", "F"]),
            new("P2", "traces show worker lifecycle around the same times (Worker process exited, Restarting worker process, Worker process started).",
                m.IncidentExits > 0 && m.IncidentRestarts > 0 && m.IncidentStarts > 0,
                F($"{m.IncidentExits} exits ({m.IncidentExits137} with code 137), {m.IncidentRestarts} restarts, {m.IncidentStarts} starts in 02:15-02:25"),
                ["F"]),
            new("P3", "performanceCounters shows Private Bytes entering the critical band (71 % of the ceiling; 2.5 GB+ on EP1).",
                m.LoadPeakMiB >= m.CriticalMiB,
                F($"peak {m.LoadPeakMiB:0.0} MiB in 01:45-02:25 against a critical threshold of {m.CriticalMiB:0.0} MiB ({m.LoadPeakMiB / m.CeilingMiB:P0} of the ceiling)"),
                ["I"]),
            new("P4", "requests and dependencies degrade before/during worker exits.",
                requestsDegrade && dependenciesDegrade,
                F($"requests: p95 {m.BaselineP95Ms:0.##} ms at baseline to {m.LoadP95Ms:0.##} ms, failures {m.BaselineFailurePercent:0.##} % to {m.LoadFailurePercent:0.##} %; dependencies: p95 {m.BaselineDependencyP95Ms:0.##} ms to {m.LoadDependencyP95Ms:0.##} ms, failures {m.BaselineDependencyFailurePercent:0.##} % to {m.LoadDependencyFailurePercent:0.##} %"),
                ["B", "G", "H-baseline", "H"]),
            new("P5", "After remediation, equivalent load no longer produces memory failure or exit 137 restart signatures.",
                m.PostFixMemoryFailures == 0 && m.PostFixExits == 0,
                F($"{m.PostFixMemoryFailures} memory failure records and {m.PostFixExits} worker exit/restart traces in 02:25-02:40"),
                ["PostFix-1", "PostFix-3"]),
        ];
        Criterion[] disproof =
        [
            new("D1", "Worker lifecycle is stable while failures are explained entirely by unrelated dependency saturation.",
                m.LoadExits == 0 && m.LoadDependencyFailurePercent > 0,
                F($"{m.LoadExits} worker exits in 01:45-02:25; dependency failures up to {m.LoadDependencyFailurePercent:0.##} %"),
                ["F", "H"]),
            new("D2", "Private Bytes remains outside the critical band across repeated high-load phases.",
                m.LoadPeakMiB < m.CriticalMiB,
                F($"peak {m.LoadPeakMiB:0.0} MiB against {m.CriticalMiB:0.0} MiB"),
                ["I"]),
            new("D3", "Streaming remediation does not materially improve restart and latency profiles.",
                !(restartsImprove && latencyImproves),
                F($"worker exits {m.LoadExits} before and {m.PostFixExits} after; failures {m.IncidentFailurePercent:0.##} % in the incident and {m.RecoveryFailurePercent:0.##} % in recovery; p95 {m.IncidentP95Ms:0.##} ms and {m.RecoveryP95Ms:0.##} ms"),
                ["F", "PostFix-3", "G", "PostFix-2"]),
        ];
        return new LabVerdict(proof, disproof, m.Errors);
    }

    /// <summary>The seed's verdict table: criterion, verdict, evidence.</summary>
    public IReadOnlyList<(string Criterion, string Verdict, string Evidence)> Table(LabMeasurements m)
    {
        string V(bool holds) => holds ? "Supported" : "Not supported";
        var latencyNormal = LatencyNormalizes(m.RecoveryFailurePercent, m.RecoveryP95Ms, m.IncidentP95Ms);
        return
        [
            ("Memory failure signature appears", V(Proof[0].Holds), F($"{m.IncidentMemoryFailures} {m.MemoryFailure} records in FunctionAppLogs")),
            ("Worker lifecycle crash signatures align", V(Proof[1].Holds), F($"exit code 137 ({m.IncidentExits137}) + restart ({m.IncidentRestarts}) traces")),
            ("Memory enters critical band", V(Proof[2].Holds), F($"Private Bytes peaked at {m.LoadPeakMiB:0.0} MiB ({m.LoadPeakMiB / m.CeilingMiB:P0} of the ceiling)")),
            ("Post-fix restart loop disappears", V(m.PostFixExits == 0 && Proof[1].Holds), F($"{m.PostFixExits} exit/restart events in recovery window")),
            ("Post-fix latency/failures normalize", V(latencyNormal && Proof[1].Holds), F($"p95 {m.RecoveryP95Ms:0.##} ms in recovery against {m.IncidentP95Ms:0.##} ms in the incident, failure rate {m.RecoveryFailurePercent:0.##} % in recovery")),
        ];
    }

    /// <summary>
    /// Post-fix latency and failures normalize when, under the incident's own bursts (recovery repeats them), the
    /// failure rate is below 1 % and p95 is no higher than the incident's: a recovery slower than the incident has
    /// not normalized, however few requests failed.
    /// </summary>
    internal static bool LatencyNormalizes(double recoveryFailurePercent, double recoveryP95Ms, double incidentP95Ms) =>
        recoveryFailurePercent < 1 && recoveryP95Ms <= incidentP95Ms;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
