using System.Collections.Concurrent;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>Keeps every item emitted, in order.</summary>
internal sealed class CollectingSink : ITelemetrySink
{
    private readonly ConcurrentQueue<TelemetryItem> items = new();

    public IReadOnlyList<TelemetryItem> Items => items.ToArray();

    public void Emit(TelemetryItem item) => items.Enqueue(item);
}
