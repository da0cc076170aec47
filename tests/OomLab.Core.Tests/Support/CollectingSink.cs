using System.Collections.Concurrent;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>Keeps every telemetry item in memory for assertions.</summary>
internal sealed class CollectingSink : ITelemetrySink
{
    private readonly ConcurrentQueue<TelemetryItem> items = new();

    public IReadOnlyList<TelemetryItem> Items => [.. items];

    public IReadOnlyList<TraceTelemetry> Traces => [.. items.OfType<TraceTelemetry>()];

    public void Emit(TelemetryItem item) => items.Enqueue(item);
}
