namespace OomLab.Playbook;

/// <summary>A row of the severity table: the level, the condition as the seed states it, the action, and the rule that decides it.</summary>
internal sealed record SeverityRule(string Level, string Condition, string Action, PlaybookText When);
