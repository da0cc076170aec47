namespace OomLab.Playbook;

/// <summary>What a diagnosis learns first about its telemetry: the rows in each table (0 for a missing one) and the time the rows span.</summary>
internal sealed record TelemetrySurvey(Dictionary<string, long> Rows, DateTimeOffset? Start, DateTimeOffset? End);
