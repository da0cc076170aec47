using OomLab.Memory;

namespace OomLab.Capacity;

/// <summary>
/// What the finder found under one ceiling: every trial it ran (in order), the largest concurrency that fit under the
/// headroom, the trial one step above it, and the settings to paste.
/// </summary>
/// <param name="Ceiling">The ceiling the trials ran under.</param>
/// <param name="HeadroomFraction">The share of the ceiling to stay under.</param>
/// <param name="PeakLimitBytes">What a run's peak had to stay under (the headroom, or the ceiling when the heap was held to the headroom).</param>
/// <param name="Trials">Every trial, in the order run.</param>
/// <param name="Best">The trial at the recommended concurrency; null when even one invocation does not fit.</param>
/// <param name="Above">The trial one step above <see cref="Best"/> (or at 1 when none fits); null when the sample has too few inputs to run it.</param>
/// <param name="Settings">The recommended concurrency split into host settings (at least 1).</param>
internal sealed record CapacityResult(
    MemoryCeiling Ceiling, double HeadroomFraction, long PeakLimitBytes, IReadOnlyList<CapacityTrial> Trials, CapacityTrial? Best, CapacityTrial? Above, ConcurrencySettings Settings)
{
    /// <summary>The headroom in bytes.</summary>
    public long HeadroomBytes => (long)(Ceiling.Bytes * HeadroomFraction);

    /// <summary>
    /// The measured peak per invocation, from the run at the recommended concurrency (the first run's when none fits): the
    /// busiest run that fit, where the garbage one invocation leaves for the next weighs least.
    /// </summary>
    public long PerInvocationBytes => (Best ?? Trials[0]).PerInvocationBytes;

    /// <summary>What the recommended run left under the headroom (negative when none fits).</summary>
    public long MarginBytes => HeadroomBytes - (Best?.PeakBytes ?? Trials[0].PeakBytes);
}
