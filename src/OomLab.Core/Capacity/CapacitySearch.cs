using OomLab.Memory;

namespace OomLab.Capacity;

/// <summary>
/// Finds the largest concurrency whose run fits (every input done, no kill, no <see cref="OutOfMemoryException"/>, the
/// peak under <c>peakLimitBytes</c>): 1, then doubling until a run does not fit or the
/// sample's inputs are all in flight at once, then halving the gap between the last that fit and the first that did not,
/// so the concurrency one above the answer has always been run. Beyond the sample's inputs a run cannot show more, and
/// the answer is the measured peak per invocation extrapolated (<see cref="ConcurrencySettings.SafeConcurrency"/>).
/// </summary>
internal static class CapacitySearch
{
    /// <param name="ceiling">The ceiling the runs use.</param>
    /// <param name="headroomFraction">The share of the ceiling to stay under; above 0, at most 1. Extrapolation divides it.</param>
    /// <param name="peakLimitBytes">What a run's peak must stay under: the headroom, or the ceiling when the workers' heap is
    /// already held to the headroom (their garbage collector then fills it, and passing it is an OutOfMemoryException).</param>
    /// <param name="inputs">How many sample inputs a run has; at least 1.</param>
    /// <param name="run">Runs the sample at a concurrency.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public static async Task<CapacityResult> FindAsync(
        MemoryCeiling ceiling, double headroomFraction, long peakLimitBytes, int inputs, Func<int, CancellationToken, Task<CapacityTrial>> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        if (!(headroomFraction > 0 && headroomFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(headroomFraction), headroomFraction, "above 0, at most 1");
        }

        var headroom = (long)(ceiling.Bytes * headroomFraction);
        var trials = new List<CapacityTrial>();
        var byConcurrency = new Dictionary<int, CapacityTrial>();
        async Task<bool> FitsAsync(int concurrency)
        {
            var trial = await run(concurrency, cancellationToken);
            trials.Add(trial);
            byConcurrency[concurrency] = trial;
            return trial.Fits(peakLimitBytes);
        }

        int fit = 0, misfit = 0;
        for (var concurrency = 1; ; concurrency = Math.Min(concurrency * 2, inputs))
        {
            if (!await FitsAsync(concurrency))
            {
                misfit = concurrency;
                break;
            }

            fit = concurrency;
            if (concurrency >= inputs)
            {
                break;
            }
        }

        while (misfit > fit + 1)
        {
            var middle = fit + ((misfit - fit) / 2);
            if (await FitsAsync(middle))
            {
                fit = middle;
            }
            else
            {
                misfit = middle;
            }
        }

        var best = fit > 0 ? byConcurrency[fit] : null;
        var above = byConcurrency.GetValueOrDefault(fit + 1);
        var concurrencyToUse = Math.Max(1, fit);
        if (misfit == 0 && best is not null)
        {
            // Every input in flight fit: the sample cannot show the limit, so extrapolate from the measured peak per invocation.
            concurrencyToUse = Math.Max(fit, ConcurrencySettings.SafeConcurrency(headroom - best.IdleBytes, best.PerInvocationBytes));
        }

        return new CapacityResult(ceiling, headroomFraction, peakLimitBytes, trials, best, above, new ConcurrencySettings(concurrencyToUse));
    }
}
