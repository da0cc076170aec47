namespace OomLab.Playbook;

/// <summary>A common misreading, and the rule that says when it applies to this incident.</summary>
internal sealed record MisreadingDefinition(string Id, string Misreading, string WhyIncorrect, string Correct, PlaybookText When);
