namespace OomLab.Hosting.Admission;

/// <summary>
/// Peak memory of one invocation as a function of its input length, fitted from measured invocations: a fixed
/// <see cref="OverheadBytes"/> (what any invocation costs: the runtime's first allocations, buffers, the result) plus
/// bytes per input byte. The slope is a quantile of the measured slopes weighted by input length, so a small input,
/// whose peak is mostly overhead, barely moves it: <see cref="TypicalSlope"/> the weighted median,
/// <see cref="UpperSlope"/> the weighted upper quantile and <see cref="LowerSlope"/> the lower one, as far below the median
/// as the upper is above it. Shared by admission, <c>oomlab tune</c> and the playbook's
/// mitigation numbers.
/// </summary>
/// <param name="OverheadBytes">The fixed part; 0 unless the inputs span a wide range of lengths.</param>
/// <param name="TypicalSlope">Bytes of memory per input byte, the weighted median.</param>
/// <param name="UpperSlope">Bytes of memory per input byte, the weighted upper quantile.</param>
/// <param name="LowerSlope">Bytes of memory per input byte, the weighted lower quantile.</param>
/// <param name="Samples">How many measurements it was fitted from.</param>
internal sealed record PeakModel(double OverheadBytes, double TypicalSlope, double UpperSlope, double LowerSlope, int Samples)
{
    /// <summary>Inputs must span at least this factor of lengths before an overhead is fitted; otherwise the line goes through 0.</summary>
    private const double SpreadForOverhead = 4;

    /// <summary>The typical peak for an input of <paramref name="length"/> bytes.</summary>
    public double Typical(long length) => OverheadBytes + (TypicalSlope * Math.Max(0, length));

    /// <summary>The upper peak for an input of <paramref name="length"/> bytes, before any margin.</summary>
    public double Upper(long length) => OverheadBytes + (UpperSlope * Math.Max(0, length));

    /// <summary>The lower peak for an input of <paramref name="length"/> bytes: it will most likely need at least this much.</summary>
    public double Lower(long length) => OverheadBytes + (LowerSlope * Math.Max(0, length));

    /// <summary>
    /// Fits the model to <paramref name="samples"/> (non-positive lengths and peaks are ignored); null when none is usable.
    /// </summary>
    /// <param name="samples">Measured invocations.</param>
    /// <param name="upperQuantile">The quantile of <see cref="UpperSlope"/>, from 0.5 to 1; <see cref="LowerSlope"/> is at 1 less it.</param>
    public static PeakModel? Fit(IEnumerable<PeakSample> samples, double upperQuantile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(upperQuantile, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(upperQuantile, 1);
        var usable = samples.Where(s => s.Length > 0 && s.PeakBytes > 0).ToArray();
        if (usable.Length == 0)
        {
            return null;
        }

        var overhead = Overhead(usable);
        var slopes = usable
            .Select(s => (Slope: Math.Max(0, s.PeakBytes - overhead) / s.Length, Weight: (double)s.Length))
            .OrderBy(s => s.Slope)
            .ToArray();
        return new PeakModel(overhead, WeightedQuantile(slopes, 0.5), WeightedQuantile(slopes, upperQuantile), WeightedQuantile(slopes, 1 - upperQuantile), usable.Length);
    }

    /// <summary>
    /// The least-squares intercept, kept between 0 and the smallest measured peak; 0 when the lengths are too close together
    /// to tell a fixed part from a proportional one (then the line through 0 over-predicts larger inputs, the safe side).
    /// </summary>
    private static double Overhead(PeakSample[] samples)
    {
        var minLength = samples.Min(s => s.Length);
        var maxLength = samples.Max(s => s.Length);
        if (samples.Length < 3 || maxLength < SpreadForOverhead * minLength)
        {
            return 0;
        }

        var meanX = samples.Average(s => (double)s.Length);
        var meanY = samples.Average(s => (double)s.PeakBytes);
        double covariance = 0, variance = 0;
        foreach (var s in samples)
        {
            covariance += (s.Length - meanX) * (s.PeakBytes - meanY);
            variance += (s.Length - meanX) * (s.Length - meanX);
        }

        var intercept = meanY - (covariance / variance * meanX);
        return Math.Clamp(intercept, 0, samples.Min(s => s.PeakBytes));
    }

    private static double WeightedQuantile((double Slope, double Weight)[] sorted, double quantile)
    {
        var target = sorted.Sum(s => s.Weight) * quantile;
        double cumulative = 0;
        foreach (var (slope, weight) in sorted)
        {
            cumulative += weight;
            if (cumulative >= target)
            {
                return slope;
            }
        }

        return sorted[^1].Slope;
    }
}
