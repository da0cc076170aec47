namespace OomLab.Lab.Bundle;

/// <summary>How the run's lab clock is compressed. Older <c>scenario.json</c> files wrote it as a bare number of lab seconds per real second.</summary>
/// <param name="LabSecondsPerRealSecond">The compression.</param>
/// <param name="RealSecondsPerPhaseOf15Minutes">What a 15-minute phase takes in real time.</param>
/// <param name="Note">A reminder of which times are compressed.</param>
internal sealed record BundleCompression(double LabSecondsPerRealSecond, double? RealSecondsPerPhaseOf15Minutes = null, string? Note = null)
{
    public const string ClockNote = "telemetry timestamps are on the lab clock; request and dependency durations are real";

    public static BundleCompression Of(double compression) =>
        new(compression, Math.Round(15 * 60 / compression, 1), ClockNote);
}
