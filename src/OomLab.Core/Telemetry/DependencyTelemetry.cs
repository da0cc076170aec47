namespace OomLab.Telemetry;

/// <summary>A row of <c>dependencies</c>: a call to storage, a database or a service.</summary>
internal sealed record DependencyTelemetry(
    DateTimeOffset Timestamp, string Id, string Type, string Target, string Name, string Data, bool Success,
    string ResultCode, TimeSpan Duration, string OperationId, string OperationName,
    IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, OperationId, OperationName, Properties);
