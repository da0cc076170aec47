namespace OomLab.Report;

/// <summary>Requests (invocations) started in one bin.</summary>
/// <param name="P95Ms">95th percentile duration in milliseconds.</param>
internal sealed record RequestBin(DateTimeOffset Start, long Total, long Failures, double P95Ms)
{
    public double FailureRatePercent => Total == 0 ? 0 : 100.0 * Failures / Total;
}
