namespace OomLab.Playbook;

/// <summary>A playbook read from its file: signals, decision flow, severity table, hypotheses, misreadings, mitigations.</summary>
/// <param name="Source">Where it came from: a file path, or <c>playbook.yaml (built in)</c>.</param>
/// <param name="Prelude">KQL <c>let</c> statements prepended to every signal and hypothesis query.</param>
internal sealed record PlaybookDefinition(
    string Name,
    string Source,
    string Prelude,
    IReadOnlyList<SignalDefinition> Signals,
    string FlowStart,
    IReadOnlyList<FlowNode> Flow,
    IReadOnlyList<SeverityRule> Severity,
    IReadOnlyList<HypothesisDefinition> Hypotheses,
    IReadOnlyList<MisreadingDefinition> Misreadings,
    IReadOnlyList<MitigationDefinition> Mitigations);
