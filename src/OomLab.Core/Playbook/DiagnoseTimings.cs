using System.Diagnostics;

namespace OomLab.Playbook;

/// <summary>
/// With <c>OOMLAB_DIAGNOSE_TIMINGS=1</c>, <c>oomlab diagnose</c> writes where its time goes to stderr (each phase,
/// each signal, each column read): what bench/diagnose measures, broken down. Off otherwise, at no cost.
/// </summary>
internal static class DiagnoseTimings
{
    private static readonly Lock Gate = new();
    private static readonly long Origin = Stopwatch.GetTimestamp();
    private static long last = Origin;
    private static TimeSpan lastCpu;

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("OOMLAB_DIAGNOSE_TIMINGS") == "1";

    /// <summary>Writes the time since the previous mark, naming what it was spent on.</summary>
    public static void Mark(string what)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            using var process = Process.GetCurrentProcess();
            var sinceStart = TimeProvider.System.GetUtcNow() - process.StartTime.ToUniversalTime();
            var cpu = process.TotalProcessorTime;
            Console.Error.WriteLine(
                $"{what}: {Stopwatch.GetElapsedTime(last, now).TotalMilliseconds:F0} ms, CPU {(cpu - lastCpu).TotalMilliseconds:F0} ms ({sinceStart.TotalMilliseconds:F0} ms, CPU {cpu.TotalMilliseconds:F0} ms since the process started; " +
                $"collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, " +
                $"allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB)");
            last = now;
            lastCpu = cpu;
        }
    }

    /// <summary>Where a step on this thread starts, for <see cref="Took"/>.</summary>
    public static Stamp Start() => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Writes how long the step since <paramref name="started"/> took and what it allocated on this thread, without moving the mark.</summary>
    public static void Took(string what, Stamp started)
    {
        if (Enabled)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - started.Allocated;
            lock (Gate)
            {
                Console.Error.WriteLine(
                    $"  {what}: {Stopwatch.GetElapsedTime(started.Timestamp).TotalMilliseconds:F0} ms, allocated {allocated / (1024 * 1024)} MiB " +
                    $"(from {Stopwatch.GetElapsedTime(Origin, started.Timestamp).TotalMilliseconds:F0} ms on thread {Environment.CurrentManagedThreadId})");
            }
        }
    }

    /// <summary>A step's start: the <see cref="Stopwatch.GetTimestamp"/> and the bytes this thread had allocated.</summary>
    public readonly record struct Stamp(long Timestamp, long Allocated);
}
