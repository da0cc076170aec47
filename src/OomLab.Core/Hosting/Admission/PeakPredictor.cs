namespace OomLab.Hosting.Admission;

/// <summary>
/// Predicts one function's peak memory per invocation from its input size, learned online: the model is linear in the
/// input length (bytes of memory per input byte), its slope the largest ratio measured so far, plus a margin that is
/// wide while few invocations have been measured. Not thread-safe: <see cref="AdmissionGate"/> holds its lock.
/// </summary>
internal sealed class PeakPredictor(AdmissionOptions options)
{
    private double slope;
    private double sumOfRatios;

    /// <summary>How many invocations were measured.</summary>
    public int Samples { get; private set; }

    /// <summary>The predicted peak for an input of <paramref name="length"/> bytes.</summary>
    public long Predict(long length)
    {
        var perByte = Samples == 0 ? options.InitialBytesPerInputByte : slope;
        var margin = Samples < options.WarmSamples ? options.ColdMargin : options.WarmMargin;
        var predicted = Math.Max(0, length) * perByte * (1 + margin);
        return predicted >= long.MaxValue ? long.MaxValue : Math.Max(options.MinimumBytes, (long)predicted);
    }

    /// <summary>
    /// The typical peak for an input of <paramref name="length"/> bytes: the mean measured ratio, no margin; 0 before any
    /// measurement. An input whose typical peak alone passes the budget cannot run, whatever else runs.
    /// </summary>
    public long Typical(long length)
    {
        var typical = Samples == 0 ? 0 : Math.Max(0, length) * (sumOfRatios / Samples);
        return typical >= long.MaxValue ? long.MaxValue : (long)typical;
    }

    /// <summary>Learns from an invocation of <paramref name="length"/> bytes whose measured peak was <paramref name="peakBytes"/>.</summary>
    public void Learn(long length, long peakBytes)
    {
        if (length <= 0 || peakBytes <= 0)
        {
            return;
        }

        var ratio = (double)peakBytes / length;
        slope = Samples == 0 ? ratio : Math.Max(slope, ratio);
        sumOfRatios += ratio;
        Samples++;
    }
}
