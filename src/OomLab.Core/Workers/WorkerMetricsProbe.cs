using System.Diagnostics;
using OomLab.Memory;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>Measures the worker's own runtime: GC heap, gen 2 count, allocation rate, time in GC, memory.</summary>
internal sealed class WorkerMetricsProbe
{
    private readonly ProcessMemorySampler sampler = new(Environment.ProcessId);
    private long lastTimestamp = Stopwatch.GetTimestamp();
    private long lastAllocated = GC.GetTotalAllocatedBytes(precise: false);
    private TimeSpan lastPause = GC.GetTotalPauseDuration();

    /// <summary>This process's Private Bytes and Working Set now; zeros when /proc cannot be read.</summary>
    public (long PrivateBytes, long WorkingSet) Memory()
    {
        return sampler.TrySample(out var privateBytes, out var workingSet)
            ? (privateBytes, workingSet)
            : (0, Environment.WorkingSet);
    }

    /// <summary>Metrics since the previous call.</summary>
    public MetricsMessage Measure()
    {
        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var pause = GC.GetTotalPauseDuration();
        var elapsed = Stopwatch.GetElapsedTime(lastTimestamp, now);
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = (allocated - lastAllocated) / seconds;
        var timeInGc = Math.Clamp((pause - lastPause).TotalSeconds / seconds * 100, 0, 100);
        lastTimestamp = now;
        lastAllocated = allocated;
        lastPause = pause;
        var (privateBytes, workingSet) = Memory();
        return new MetricsMessage(
            GC.GetTotalMemory(forceFullCollection: false), GC.CollectionCount(2), rate, timeInGc, workingSet, privateBytes);
    }
}
