using System.Diagnostics;

namespace OomLab.Playbook;

/// <summary>
/// With <c>OOMLAB_DIAGNOSE_TIMINGS=1</c>, <c>oomlab diagnose</c> writes where its time goes to stderr (each phase,
/// each signal, each column read): what bench/diagnose measures, broken down. Off otherwise, at no cost.
/// </summary>
internal static class DiagnoseTimings
{
    private static readonly Lock Gate = new();
    private static long last = Stopwatch.GetTimestamp();
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
                $"collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms)");
            last = now;
            lastCpu = cpu;
        }
    }

    /// <summary>Writes how long <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) took, without moving the mark.</summary>
    public static void Took(string what, long started)
    {
        if (Enabled)
        {
            lock (Gate)
            {
                Console.Error.WriteLine($"  {what}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            }
        }
    }
}
