namespace OomLab.Playbook;

/// <summary>A misreading whose rule held for this incident.</summary>
internal sealed record MisreadingFinding(MisreadingDefinition Definition);
