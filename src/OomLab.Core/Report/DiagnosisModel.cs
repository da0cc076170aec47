namespace OomLab.Report;

/// <summary>
/// What the report shows of a diagnosis, read from <c>&lt;bundle&gt;/diagnosis.json</c> by <see cref="DiagnosisReader"/>
/// (shape in docs/REPORT.md). Every part is optional: empty lists and empty strings are simply not shown.
/// </summary>
internal sealed record DiagnosisModel(
    string Summary,
    DiagnosisSeverity? Severity,
    IReadOnlyList<DiagnosisHypothesis> Hypotheses,
    IReadOnlyList<string> DecisionPath,
    IReadOnlyList<DiagnosisMisreading> Misreadings,
    IReadOnlyList<DiagnosisMitigation> Mitigations);
