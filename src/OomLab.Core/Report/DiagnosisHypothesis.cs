namespace OomLab.Report;

/// <summary>One of the playbook's competing hypotheses (H1-H6) as judged, with the evidence rows and the query behind them.</summary>
/// <param name="Status">As the diagnosis words it, for example <c>confirmed</c>, <c>ruled out</c>, <c>inconclusive</c>.</param>
internal sealed record DiagnosisHypothesis(string Id, string Title, string Status, string Summary, IReadOnlyList<DiagnosisEvidence> Evidence, string Query);
