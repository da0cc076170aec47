namespace OomLab.Playbook;

/// <summary>
/// A diagnosis: the path taken through the decision flow and whether it ends with memory as the cause,
/// the severity, every hypothesis ranked with its evidence, the misreadings and mitigations that apply,
/// and the numbers behind the mitigations.
/// </summary>
internal sealed record Diagnosis(
    string Playbook,
    string PlaybookSource,
    long CeilingBytes,
    string Ceiling,
    DateTimeOffset? TelemetryStart,
    DateTimeOffset? TelemetryEnd,
    DateTimeOffset Now,
    IReadOnlyList<SignalValue> Signals,
    IReadOnlyList<FlowStep> Path,
    bool MemoryIsCause,
    SeverityFinding? Severity,
    IReadOnlyList<HypothesisFinding> Hypotheses,
    IReadOnlyList<MisreadingFinding> Misreadings,
    IReadOnlyList<MitigationFinding> Mitigations,
    MitigationPlan Plan)
{
    /// <summary>The conclusion in one line.</summary>
    public string Conclusion => MemoryIsCause
        ? Hypotheses.FirstOrDefault(h => h.Status == HypothesisStatus.Supported) is { } top
            ? $"Memory is the cause; most likely {top.Definition.Id}: {top.Definition.Title}."
            : "Memory is the cause, but no hypothesis is supported: collect more evidence."
        : "Memory is not the cause: check upstream dependencies and the network.";
}
