namespace OomLab.Telemetry;

/// <summary>A row of <c>requests</c>: one function invocation; <c>url</c> is set for HTTP-triggered ones.</summary>
internal sealed record RequestTelemetry(
    DateTimeOffset Timestamp, string Id, string Name, bool Success, string ResultCode, TimeSpan Duration,
    string OperationId, IReadOnlyDictionary<string, string>? Properties = null, string Url = "")
    : TelemetryItem(Timestamp, OperationId, Name, Properties);
