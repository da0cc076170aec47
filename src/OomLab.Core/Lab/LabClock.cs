using System.Diagnostics;

namespace OomLab.Lab;

/// <summary>
/// The lab's clock: lab time starts at <see cref="T0"/> and runs <see cref="Compression"/> times faster than
/// real time, so that a 70-minute runbook fits in minutes while telemetry carries the seed's literal
/// datetimes. Only timestamps are compressed; durations are measured in real time by their producers.
/// </summary>
internal sealed class LabClock : TimeProvider
{
    private readonly long started;

    /// <param name="t0">Lab time at the start (the seed's <c>2026-04-05 01:30:00Z</c> by default).</param>
    /// <param name="compression">Lab seconds per real second; at least 1.</param>
    public LabClock(DateTimeOffset t0, double compression)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(compression, 1.0);
        T0 = t0.ToUniversalTime();
        Compression = compression;
        started = Stopwatch.GetTimestamp();
    }

    public DateTimeOffset T0 { get; }

    public double Compression { get; }

    /// <summary>Lab time elapsed since <see cref="T0"/>.</summary>
    public TimeSpan Elapsed => LabSpan(Stopwatch.GetElapsedTime(started));

    public override DateTimeOffset GetUtcNow() => T0 + Elapsed;

    /// <summary>The real time that a lab time span takes.</summary>
    public TimeSpan RealSpan(TimeSpan lab) => TimeSpan.FromTicks((long)(lab.Ticks / Compression));

    /// <summary>The lab time span that a real time span stands for.</summary>
    public TimeSpan LabSpan(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Compression));

    /// <summary>Waits (in real time) until the lab clock reads <paramref name="labOffset"/> after T0.</summary>
    public Task WaitUntilAsync(TimeSpan labOffset, CancellationToken cancellationToken = default)
    {
        var due = RealSpan(labOffset - Elapsed);
        return due > TimeSpan.Zero ? Task.Delay(due, cancellationToken) : Task.CompletedTask;
    }
}
