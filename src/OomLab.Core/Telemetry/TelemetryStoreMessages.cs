namespace OomLab.Telemetry;

/// <summary>The texts of errors about the telemetry stores a user names, made in one place so that tests assert these and not literals.</summary>
internal static class TelemetryStoreMessages
{
    public const string NotATelemetryStoreText = "not a telemetry store";

    public const string NoSuchPath = "no such file or folder";

    public const string NoStoreText = "no telemetry store there";

    /// <summary>A folder that is no store and holds none.</summary>
    public static string NoStore(string option, string path) =>
        $"{option} \"{path}\": {NoStoreText} (looked for {TelemetryLocation.FileName} and .oomlab/{TelemetryLocation.FileName} in it, every {TelemetryLocation.FileName} under it, and *.db files in it)";

    /// <summary>A path that names nothing.</summary>
    public static string Missing(string option, string path) => $"{option} \"{path}\": {NoSuchPath}";

    /// <summary>A file that opens but is no telemetry store (not SQLite, or SQLite without telemetry tables).</summary>
    public static string NotATelemetryStore(string path, string reason) => $"{path}: {NotATelemetryStoreText} ({reason.TrimEnd('.')})";

    /// <summary>A store a later oomlab wrote.</summary>
    public static string NewerSchema(string path, long version) =>
        $"{path}: telemetry store of schema version {version}, which this oomlab does not read (it reads versions up to {TelemetryStore.SchemaVersion}); read it with the oomlab that wrote it";
}
