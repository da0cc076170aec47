namespace OomLab.Workers.Protocol;

/// <summary>The worker's runtime metrics, sent about once a second.</summary>
/// <param name="GcHeapSize">Bytes currently allocated on the GC heap (live and not yet collected).</param>
/// <param name="Gen2Collections">Gen 2 collections since the worker started.</param>
/// <param name="AllocationRate">Bytes allocated per second since the previous report.</param>
/// <param name="TimeInGcPercent">Share of wall time spent paused in GC since the previous report, 0-100.</param>
internal sealed record MetricsMessage(
    long GcHeapSize, int Gen2Collections, double AllocationRate, double TimeInGcPercent, long WorkingSet, long PrivateBytes)
    : WorkerMessage;
