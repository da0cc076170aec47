namespace OomLab.Playbook;

/// <summary>A mitigation whose rule held, with its text's placeholders filled in.</summary>
internal sealed record MitigationFinding(string Id, string Title, string Text);
