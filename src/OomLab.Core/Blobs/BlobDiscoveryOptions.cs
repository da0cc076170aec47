using OomLab.Configuration;

namespace OomLab.Blobs;

/// <summary>How <see cref="BlobWatcher"/> finds blobs. Immutable; the constructor validates.</summary>
internal sealed class BlobDiscoveryOptions
{
    /// <param name="quietPeriod">
    /// How long a file written in place must keep the same length and last-write time before it counts
    /// as complete; default 200 ms, 0 to 1 day. Files that appear by rename are complete at once.
    /// </param>
    /// <param name="reconcileInterval">
    /// How often a full scan catches anything notifications missed; default 2 s, 1 ms to 1 day. A container whose scan takes longer
    /// than a tenth of this is scanned less often (<see cref="ReconcileAfter"/>).
    /// </param>
    /// <param name="capacity">Candidates buffered before discovery waits for the consumer; default 16,384.</param>
    public BlobDiscoveryOptions(TimeSpan? quietPeriod = null, TimeSpan? reconcileInterval = null, int capacity = 16_384)
    {
        QuietPeriod = OptionRange.UpToADay(quietPeriod ?? TimeSpan.FromMilliseconds(200), nameof(quietPeriod));
        ReconcileInterval = OptionRange.PositiveUpToADay(reconcileInterval ?? TimeSpan.FromSeconds(2), nameof(reconcileInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public static BlobDiscoveryOptions Default { get; } = new();

    public TimeSpan QuietPeriod { get; }

    public TimeSpan ReconcileInterval { get; }

    public int Capacity { get; }

    /// <summary>
    /// When the next reconciling scan is due after one that took <paramref name="scanTook"/>: after
    /// <see cref="ReconcileInterval"/>, or ten times the scan's own time when that is longer, so that rescanning a large
    /// container never takes more than a tenth of discovery's time. A notification overflow still rescans at once.
    /// </summary>
    public TimeSpan ReconcileAfter(TimeSpan scanTook) =>
        TimeSpan.FromTicks(Math.Max(ReconcileInterval.Ticks, scanTook.Ticks * 10));

    /// <summary>How often files waiting for their quiet period are checked: a quarter of it, at least 10 ms.</summary>
    internal TimeSpan QuietCheckInterval =>
        TimeSpan.FromTicks(Math.Max(QuietPeriod.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
}
