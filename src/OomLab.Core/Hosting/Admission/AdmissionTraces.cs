using System.Globalization;

namespace OomLab.Hosting.Admission;

/// <summary>Admission's messages in <c>traces</c> and in errors, and its metric names in <c>customMetrics</c>.</summary>
internal static class AdmissionTraces
{
    public const string AdmittedMetric = "oomlab.admission.admitted";
    public const string DeferredMetric = "oomlab.admission.deferred";
    public const string MeasuredPeakMetric = "oomlab.admission.measuredPeakBytes";

    public static string BadMode(string source, string mode) => $"{source}: '{mode}' is not an admission mode; use off or predictive";

    public static string OutOfRange(string source, string key, string? value, string range) => $"{source} {key}: {value} is out of range; {range}";

    public static string NotANumber(string source, string key, string value) => $"{source} {key}: '{value}' is not a number";

    public static string Enabled(AdmissionOptions options, long budgetBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Admission predictive: budget {budgetBytes} bytes (ceiling less idle workers), high watermark {options.HighWatermark}, low watermark {options.LowWatermark}");

    public static string Deferred(string blobName, long predicted, long running, long allowed) =>
        string.Create(CultureInfo.InvariantCulture, $"Admission deferred blob '{blobName}': predicted peak {predicted} bytes on top of {running} bytes predicted for the running invocations would pass the high watermark of {allowed} bytes");

    public static string Rejected(string blobName, long length, long predicted, long allowed) =>
        string.Create(CultureInfo.InvariantCulture, $"Blob '{blobName}' rejected by admission before buffering: its predicted peak of {predicted} bytes ({length} bytes of input) exceeds the {allowed} bytes allowed for invocations under the ceiling");
}
