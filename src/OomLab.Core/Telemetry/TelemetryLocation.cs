namespace OomLab.Telemetry;

/// <summary>Finds a telemetry store from what a user points at: the file, a host root, or a lab run's folder.</summary>
internal static class TelemetryLocation
{
    public const string FileName = "telemetry.db";

    /// <summary>The store's file; throws <see cref="OomLabException"/> naming the path when there is none.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        string[] candidates = [full, Path.Combine(full, ".oomlab", FileName), Path.Combine(full, FileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new OomLabException($"--telemetry \"{path}\": no telemetry store there (looked for {FileName} and .oomlab/{FileName})");
    }
}
