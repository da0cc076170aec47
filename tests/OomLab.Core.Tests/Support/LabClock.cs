using System.Diagnostics;

namespace OomLab.Tests.Support;

/// <summary>A clock that starts at the seed's T0 and runs at real speed; timers stay real.</summary>
internal sealed class LabClock : TimeProvider
{
    public static readonly DateTimeOffset T0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    private readonly long started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => T0 + Stopwatch.GetElapsedTime(started);
}
