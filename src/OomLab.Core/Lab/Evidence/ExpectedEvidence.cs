using System.Globalization;

namespace OomLab.Lab.Evidence;

/// <summary>
/// The seed's three expected-evidence tables (baseline, during incident, after recovery). Memory expectations
/// scale with the ceiling; latency expectations, stated by the seed in seconds for 1 GB blobs on EP1, are
/// judged here relative to the baseline (incident) or to the incident under the same load (recovery),
/// because durations are real, blobs are smaller, and a failing invocation returns sooner than a succeeding one.
/// </summary>
internal static class ExpectedEvidence
{
    public const string Baseline = "Before Trigger (Baseline)";
    public const string Incident = "During Incident";
    public const string Recovery = "After Recovery";

    public static IReadOnlyList<ExpectedEvidenceRow> Build(LabMeasurements m) =>
    [
        new(Baseline, "FunctionAppLogs memory errors", "0", "0", N(m.BaselineMemoryErrors), m.BaselineMemoryErrors == 0),
        new(Baseline, "Worker exit/restart traces", "0", "0", N(m.BaselineLifecycleEvents), m.BaselineLifecycleEvents == 0),
        new(Baseline, "performanceCounters Private Bytes", "350-700 MB", F($"up to {m.HealthyMaxMiB:0.0} MiB (20 % of ceiling)"), F($"max {m.BaselinePeakMiB:0.0} MiB"), m.BaselinePeakMiB <= m.HealthyMaxMiB),
        new(Baseline, "Request p95 (requests)", "under 700 ms", "under 700 ms", F($"{m.BaselineP95Ms:0.##} ms"), m.BaselineP95Ms < 700),
        new(Baseline, "Dependency failure rate (dependencies)", "under 1%", "under 1%", F($"{m.BaselineDependencyFailurePercent:0.##} %"), m.BaselineDependencyFailurePercent < 1),
        new(Incident, "FunctionAppLogs MemoryError", "1+ records in incident window", F($"1+ {m.MemoryFailure} records"), N(m.IncidentMemoryFailures), m.IncidentMemoryFailures >= 1),
        new(Incident, "Worker lifecycle traces", "exit 137 + restart sequence", "exit 137 + restart sequence", F($"{m.IncidentExits137} exits with 137, {m.IncidentRestarts} restarts"), m.IncidentExits137 > 0 && m.IncidentRestarts > 0),
        new(Incident, "performanceCounters Private Bytes", "2.5 GB+ (EP1 critical)", F($"{m.CriticalMiB:0.0} MiB+ (71 % of ceiling)"), F($"max {m.IncidentPeakMiB:0.0} MiB"), m.IncidentPeakMiB >= m.CriticalMiB),
        new(Incident, "Request p95 (requests)", "above 8 s", "at least 2x baseline p95", F($"{m.IncidentP95Ms:0.##} ms ({Ratio(m.IncidentP95Ms, m.BaselineP95Ms)} baseline)"), m.IncidentP95Ms >= 2 * m.BaselineP95Ms),
        new(Incident, "Failure rate (requests)", "above 15%", "above 15%", F($"{m.IncidentFailurePercent:0.##} %"), m.IncidentFailurePercent > 15),
        new(Recovery, "FunctionAppLogs MemoryError", "0", "0", N(m.PostFixMemoryFailures), m.PostFixMemoryFailures == 0),
        new(Recovery, "Worker exit/restart traces", "0", "0", N(m.PostFixExits), m.PostFixExits == 0),
        new(Recovery, "performanceCounters Private Bytes", "trending below 1.2 GB", F($"below {m.DegradedMinMiB:0.0} MiB (34 % of ceiling)"), F($"{m.RecoveryLastAvgMiB:0.0} MiB average in the last bin"), m.RecoveryLastAvgMiB < m.DegradedMinMiB),
        new(Recovery, "Request p95 (requests)", "under 1.2 s", "within 2x of the incident's p95 (same load; all succeed)", F($"{m.RecoveryP95Ms:0.##} ms ({Ratio(m.RecoveryP95Ms, m.IncidentP95Ms)} incident)"), m.RecoveryP95Ms <= 2 * m.IncidentP95Ms),
        new(Recovery, "Failure rate (requests)", "under 1%", "under 1%", F($"{m.RecoveryFailurePercent:0.##} %"), m.RecoveryFailurePercent < 1),
    ];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) => baseline > 0 ? F($"{value / baseline:0.#}x") : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
