namespace OomLab.Telemetry;

/// <summary>
/// Receives telemetry items. Implementations never throw and never block the caller for I/O:
/// a failing exporter is reported to <see cref="SelfLog"/> and the work goes on.
/// </summary>
internal interface ITelemetrySink
{
    /// <summary>Accepts one item; returns at once.</summary>
    void Emit(TelemetryItem item);
}
