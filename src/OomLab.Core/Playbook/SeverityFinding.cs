namespace OomLab.Playbook;

/// <summary>The severity graded: the first rule of the table that held.</summary>
internal sealed record SeverityFinding(string Level, string Condition, string Action, string Rule);
