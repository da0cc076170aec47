namespace OomLab.Telemetry;

/// <summary>A row of the Log Analytics table <c>AppMetrics</c> (<c>TimeGenerated</c>, <c>Name</c>, <c>Value</c>).</summary>
internal sealed record AppMetricTelemetry(
    DateTimeOffset Timestamp, string Name, double Value, IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, Properties: Properties);
