namespace OomLab.Capacity;

/// <summary>One run of the sample inputs at one concurrency under a real ceiling, as the finder measured it.</summary>
/// <param name="Concurrency">MAX_CONCURRENT_INVOCATIONS (and the batch size) of the run.</param>
/// <param name="Inputs">How many sample inputs it was given.</param>
/// <param name="Succeeded">Invocations that completed.</param>
/// <param name="Exits137">Worker processes killed over the ceiling.</param>
/// <param name="OutOfMemory">Invocations that failed with <see cref="OutOfMemoryException"/>.</param>
/// <param name="PeakBytes">The instance's highest memory (workers' Private Bytes), sampled every 50 ms.</param>
/// <param name="IdleBytes">The idle workers' memory before the first invocation.</param>
/// <param name="Elapsed">How long the run took (real time).</param>
internal sealed record CapacityTrial(
    int Concurrency, int Inputs, long Succeeded, long Exits137, long OutOfMemory, long PeakBytes, long IdleBytes, TimeSpan Elapsed)
{
    /// <summary>Killed over the ceiling or out of memory in-process: the trial stopped at the first of either.</summary>
    public bool Crashed => Exits137 > 0 || OutOfMemory > 0;

    /// <summary>Every input done, nothing crashed and the peak stayed under <paramref name="peakLimitBytes"/>.</summary>
    public bool Fits(long peakLimitBytes) => !Crashed && Succeeded >= Inputs && PeakBytes <= peakLimitBytes;

    /// <summary>The peak's rise over the idle workers shared among the invocations that could overlap.</summary>
    public long PerInvocationBytes => Math.Max(0, PeakBytes - IdleBytes) / Math.Max(1, Math.Min(Concurrency, Inputs));
}
