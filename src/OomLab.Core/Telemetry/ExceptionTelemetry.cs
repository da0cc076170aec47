namespace OomLab.Telemetry;

/// <summary>A row of <c>exceptions</c>.</summary>
internal sealed record ExceptionTelemetry(
    DateTimeOffset Timestamp, string Type, string OuterMessage, string Details, SeverityLevel SeverityLevel,
    string OperationId, string OperationName, IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, OperationId, OperationName, Properties);
