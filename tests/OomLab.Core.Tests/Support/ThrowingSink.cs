using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>A sink whose every emit throws, as a broken exporter would.</summary>
internal sealed class ThrowingSink : ITelemetrySink
{
    public int Calls { get; private set; }

    public void Emit(TelemetryItem item)
    {
        Calls++;
        throw new InvalidOperationException("exporter is down");
    }
}
