namespace OomLab.Lab;

/// <summary>
/// The seed's EP1 memory bands as fractions of the ceiling (350-700 MB healthy, 1.2-2.0 GB degraded,
/// 2.5 GB+ critical, of 3.5 GB): healthy up to 20 %, degraded 34-57 %, critical from 71 %.
/// </summary>
internal static class MemoryBands
{
    public const double HealthyMax = 0.20;
    public const double DegradedMin = 0.34;
    public const double DegradedMax = 0.57;
    public const double CriticalMin = 0.71;

    /// <summary>Names the band a fraction of the ceiling falls in; between bands it names the nearer lower one's edge.</summary>
    public static string Classify(double fraction) => fraction switch
    {
        >= CriticalMin => "critical",
        > DegradedMax => "near critical",
        >= DegradedMin => "degraded",
        > HealthyMax => "elevated",
        _ => "healthy",
    };
}
