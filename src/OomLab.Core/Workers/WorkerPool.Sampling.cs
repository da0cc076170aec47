using System.Diagnostics;
using OomLab.Memory;
using OomLab.Telemetry;

namespace OomLab.Workers;

internal sealed partial class WorkerPool
{
    /// <summary>The counter instance that sums all workers, as Windows performance counters name it.</summary>
    public const string TotalInstance = "_Total";

    /// <summary>Called with each round's instance total (workers plus what the host holds for them); null for none.</summary>
    public Action<long>? SampleObserver { get; set; }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var privateBytes = new long[slots.Length];
        var workingSets = new long[slots.Length];
        var workers = new WorkerProcess?[slots.Length];
        var lastCounters = Stopwatch.GetTimestamp();

        // Real time on purpose: how fast memory is watched must not depend on the lab clock's speed.
        using var timer = new PeriodicTimer(options.SamplingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = timeProvider.GetUtcNow();
                var emitCounters = Stopwatch.GetElapsedTime(lastCounters) >= options.CounterInterval;
                var victim = SampleOnce(now, workers, privateBytes, workingSets);
                if (emitCounters || victim >= 0)
                {
                    lastCounters = Stopwatch.GetTimestamp();
                    EmitCounters(now, workers, privateBytes, workingSets);
                }

                if (victim >= 0 && workers[victim] is { } worker)
                {
                    var total = privateBytes.Sum() + options.Transport.HeldBytes;
                    Trace(WorkerTraces.Killed(worker.WorkerId, privateBytes[victim], total, options.Ceiling.Bytes), SeverityLevel.Warning, worker);
                    worker.KillOverCeiling(new MemoryReading(privateBytes[victim], workingSets[victim], now), total);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads every live worker's memory; returns the index of the worker to kill, or -1.</summary>
    private int SampleOnce(DateTimeOffset now, WorkerProcess?[] workers, long[] privateBytes, long[] workingSets)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            var worker = slots[i].Current;
            workers[i] = null;
            privateBytes[i] = 0;
            workingSets[i] = 0;

            // A worker already being killed is about to give its memory back; counting it would kill a second one.
            if (worker is null || worker.HasExited || worker.IsStopping || !worker.Sampler.TrySample(out var pb, out var ws))
            {
                continue;
            }

            workers[i] = worker;
            privateBytes[i] = pb;
            workingSets[i] = ws;
        }

        // What the host holds for its workers' invocations (blobs read whole to send) counts against the same ceiling.
        var held = options.Transport.HeldBytes;
        var total = privateBytes.Sum() + held;
        for (var i = 0; i < slots.Length; i++)
        {
            workers[i]?.Record(new MemoryReading(privateBytes[i], workingSets[i], now), total);
        }

        SampleObserver?.Invoke(total);
        return MemoryGuard.SelectVictim(privateBytes, options.Ceiling.Bytes - held);
    }

    private void EmitCounters(DateTimeOffset now, WorkerProcess?[] workers, long[] privateBytes, long[] workingSets)
    {
        long totalPrivate = 0, totalWorking = 0;
        for (var i = 0; i < workers.Length; i++)
        {
            if (workers[i] is null)
            {
                continue;
            }

            totalPrivate += privateBytes[i];
            totalWorking += workingSets[i];
            Emit(new PerformanceCounterTelemetry(now, CounterNames.Category, CounterNames.PrivateBytes, slots[i].Id, privateBytes[i]));
            Emit(new PerformanceCounterTelemetry(now, CounterNames.Category, CounterNames.WorkingSet, slots[i].Id, workingSets[i]));
        }

        totalPrivate += options.Transport.HeldBytes;
        Emit(new PerformanceCounterTelemetry(now, CounterNames.Category, CounterNames.PrivateBytes, TotalInstance, totalPrivate));
        Emit(new PerformanceCounterTelemetry(now, CounterNames.Category, CounterNames.WorkingSet, TotalInstance, totalWorking));
    }
}
