namespace OomLab.Telemetry;

/// <summary>A row of <c>traces</c>: host lifecycle messages, heartbeats, function logs.</summary>
internal sealed record TraceTelemetry(
    DateTimeOffset Timestamp, string Message, SeverityLevel SeverityLevel, string OperationId = "",
    string OperationName = "", IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, OperationId, OperationName, Properties);
