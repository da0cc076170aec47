namespace OomLab.Hosting.Admission;

/// <summary>
/// Memory-aware admission: the mode and its thresholds as fractions of the memory the invocations may use (the ceiling
/// less the idle workers). Like <c>PipeOptions</c>' pause and resume thresholds: starting stops once the predicted total
/// of the running invocations would pass <see cref="HighWatermark"/>, and resumes only when it falls under
/// <see cref="LowWatermark"/>. Immutable; validated on construction.
/// </summary>
internal sealed record AdmissionOptions
{
    /// <summary>Off: the host admits as the Functions host does, so the lab still reproduces production.</summary>
    public static AdmissionOptions Off { get; } = new(AdmissionMode.Off);

    /// <param name="mode">Off (default) or predictive.</param>
    /// <param name="highWatermark">Stop starting past this fraction. Default 0.85; above 0, at most 1.</param>
    /// <param name="lowWatermark">Resume under this fraction. Default 0.70; above 0, at most <paramref name="highWatermark"/>.</param>
    public AdmissionOptions(AdmissionMode mode, double highWatermark = 0.85, double lowWatermark = 0.70)
    {
        if (!(highWatermark > 0 && highWatermark <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(highWatermark), highWatermark, "above 0, at most 1");
        }

        if (!(lowWatermark > 0 && lowWatermark <= highWatermark))
        {
            throw new ArgumentOutOfRangeException(nameof(lowWatermark), lowWatermark, "above 0, at most the high watermark");
        }

        Mode = mode;
        HighWatermark = highWatermark;
        LowWatermark = lowWatermark;
    }

    public AdmissionMode Mode { get; }

    public double HighWatermark { get; }

    public double LowWatermark { get; }

    /// <summary>
    /// Bytes of memory per input byte assumed before the first measurement. Default 4 (a blob read whole into a
    /// growing <c>MemoryStream</c> and copied out holds about three to four times its length at its peak).
    /// </summary>
    public double InitialBytesPerInputByte { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(InitialBytesPerInputByte), value, "above 0"); } = 4;

    /// <summary>
    /// The margin a prediction carries at the first measurement (and on the prior). Default 0.5 (50 %); it shrinks as one
    /// over the square root of the measured invocations toward <see cref="WarmMargin"/>.
    /// </summary>
    public double ColdMargin { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(ColdMargin), value, "0 or more"); } = 0.5;

    /// <summary>The margin a prediction tends to with many measured invocations. Default 0.1 (10 %).</summary>
    public double WarmMargin { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(WarmMargin), value, "0 or more"); } = 0.1;

    /// <summary>How many of the latest measured invocations the prediction is fitted to. Default 64; at least 1.</summary>
    public int SampleWindow { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SampleWindow), value, "at least 1"); } = 64;

    /// <summary>
    /// The quantile of the measured bytes per input byte (weighted by input length) that predictions use. Default 0.9;
    /// from 0.5 (the median) to 1 (the largest seen).
    /// </summary>
    public double UpperQuantile { get; init => field = value is >= 0.5 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(UpperQuantile), value, "from 0.5 to 1"); } = 0.9;

    /// <summary>The least an invocation is predicted to use, whatever its input. Default 1 MiB; 0 or more.</summary>
    public long MinimumBytes { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumBytes), value, "0 or more"); } = 1 << 20;

    /// <summary>Parses a mode as the CLI and host.json spell it: <c>off</c> or <c>predictive</c>; false for anything else.</summary>
    public static bool TryParseMode(string? text, out AdmissionMode mode)
    {
        mode = AdmissionMode.Off;
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "predictive", StringComparison.OrdinalIgnoreCase))
        {
            mode = AdmissionMode.Predictive;
            return true;
        }

        return false;
    }
}
