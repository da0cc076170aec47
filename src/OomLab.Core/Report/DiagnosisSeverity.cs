namespace OomLab.Report;

/// <summary>The playbook's severity (Sev1-Sev3) and the rule that gave it.</summary>
internal sealed record DiagnosisSeverity(string Level, string Rule, string Reason);
