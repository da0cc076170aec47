namespace OomLab.Report;

/// <summary>One invocation admitted by predicted memory: when it finished, its input, the prediction and the measured peak, in bytes.</summary>
internal sealed record AdmissionPeak(DateTimeOffset Time, long InputBytes, double PredictedBytes, double MeasuredBytes);
