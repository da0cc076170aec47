namespace OomLab.Playbook;

/// <summary>A mitigation, when it applies, and its text with <c>{placeholders}</c> for computed values.</summary>
internal sealed record MitigationDefinition(string Id, string Title, PlaybookText When, string Text);
