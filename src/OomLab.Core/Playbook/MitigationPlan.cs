namespace OomLab.Playbook;

/// <summary>
/// Numbers computed from the telemetry for the mitigations (see <see cref="MitigationCalculator"/>):
/// the per-invocation memory estimate and how it was made, the largest safe concurrency (0 when even one
/// invocation does not fit, null when there is no estimate), the queue batch split, the payload guard,
/// the plan to scale to, and what to paste (host.json, app settings, alert queries).
/// </summary>
internal sealed record MitigationPlan(
    long CeilingBytes,
    string Ceiling,
    double TargetFraction,
    long? IdleBytes,
    long? PerInvocationBytes,
    string Estimator,
    int? SafeConcurrency,
    int BatchSize,
    int NewBatchThreshold,
    long? PayloadGuardBytes,
    string ScalePlan,
    string HostJson,
    IReadOnlyDictionary<string, string> AppSettings,
    IReadOnlyList<AlertQuery> Alerts);
