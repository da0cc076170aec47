namespace OomLab.Telemetry;

/// <summary>A row of <c>customMetrics</c>.</summary>
internal sealed record MetricTelemetry(
    DateTimeOffset Timestamp, string Name, double Value, IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, Properties: Properties);
