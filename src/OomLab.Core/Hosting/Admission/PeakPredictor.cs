namespace OomLab.Hosting.Admission;

/// <summary>
/// Predicts one function's peak memory per invocation from its input length, learned online: a <see cref="PeakModel"/>
/// (a fixed overhead plus bytes per input byte) fitted to the last <see cref="AdmissionOptions.SampleWindow"/> measured
/// invocations, so an early noisy measurement ages out. <see cref="Predict"/> is the model's upper quantile plus a margin
/// that shrinks as one over the square root of the samples, from <see cref="AdmissionOptions.ColdMargin"/> at the first
/// measurement toward <see cref="AdmissionOptions.WarmMargin"/>. Not thread-safe: <see cref="AdmissionGate"/> holds its lock.
/// </summary>
internal sealed class PeakPredictor(AdmissionOptions options)
{
    private readonly Queue<PeakSample> window = new();
    private PeakModel? model;

    /// <summary>How many measured invocations the current prediction rests on (at most the window).</summary>
    public int Samples => window.Count;

    /// <summary>The margin a prediction carries now.</summary>
    public double Margin => window.Count == 0
        ? options.ColdMargin
        : options.WarmMargin + ((options.ColdMargin - options.WarmMargin) / Math.Sqrt(window.Count));

    /// <summary>The predicted (upper) peak for an input of <paramref name="length"/> bytes; before any measurement, the prior.</summary>
    public long Predict(long length)
    {
        var upper = model?.Upper(length) ?? Math.Max(0, length) * options.InitialBytesPerInputByte;
        return Math.Max(options.MinimumBytes, Bytes(upper * (1 + Margin)));
    }

    /// <summary>
    /// The least peak an input of <paramref name="length"/> bytes most likely needs: the model's lower quantile, no margin;
    /// 0 before any measurement. An input whose lower peak alone passes the budget cannot run, whatever else runs, and
    /// poisoning it is sure enough to be done without trying.
    /// </summary>
    public long Lower(long length) => model is null ? 0 : Bytes(model.Lower(length));

    /// <summary>Learns from an invocation of <paramref name="length"/> bytes whose measured peak was <paramref name="peakBytes"/>.</summary>
    public void Learn(long length, long peakBytes)
    {
        if (length <= 0 || peakBytes <= 0)
        {
            return;
        }

        window.Enqueue(new PeakSample(length, peakBytes));
        if (window.Count > options.SampleWindow)
        {
            window.Dequeue();
        }

        model = PeakModel.Fit(window, options.UpperQuantile);
    }

    private static long Bytes(double value) => value >= long.MaxValue ? long.MaxValue : (long)Math.Max(0, value);
}
