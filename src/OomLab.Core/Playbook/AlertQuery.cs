namespace OomLab.Playbook;

/// <summary>A prevention alert at a share of the ceiling, as KQL to paste into an alert rule.</summary>
internal sealed record AlertQuery(int Percent, long ThresholdBytes, string Query);
