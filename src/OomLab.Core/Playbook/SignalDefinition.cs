namespace OomLab.Playbook;

/// <summary>A named measurement: a KQL query whose first row's first column is the value.</summary>
internal sealed record SignalDefinition(string Name, string Description, PlaybookText Query);
