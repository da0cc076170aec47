namespace OomLab.Telemetry;

/// <summary>A row of <c>performanceCounters</c>, for example category <c>Process</c>, counter <c>Private Bytes</c>, value in bytes.</summary>
/// <param name="Instance">The process the reading is for (a worker id), or the whole instance (<c>_Total</c>).</param>
internal sealed record PerformanceCounterTelemetry(
    DateTimeOffset Timestamp, string Category, string Counter, string Instance, double Value,
    IReadOnlyDictionary<string, string>? Properties = null)
    : TelemetryItem(Timestamp, Properties: Properties);
