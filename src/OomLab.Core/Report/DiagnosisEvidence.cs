namespace OomLab.Report;

/// <summary>A signal a hypothesis was judged on: what confirms it, what was measured, and whether it held.</summary>
internal sealed record DiagnosisEvidence(string Signal, string Expected, string Measured, bool? Holds);
