namespace OomLab.Hosting.Admission;

/// <summary>One admitted invocation as the gate tracks it: its input length, prediction and the peak measured so far.</summary>
internal sealed class AdmissionTicket(long length, long predictedBytes)
{
    public long Length { get; } = length;

    public long PredictedBytes { get; } = predictedBytes;

    /// <summary>The largest share of the instance's rise attributed to it by input size; written under the gate's lock.</summary>
    public long MeasuredPeakBytes { get; set; }
}
