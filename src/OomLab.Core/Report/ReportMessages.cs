namespace OomLab.Report;

/// <summary>The texts of the report's errors, made in one place so that tests assert these and not literals.</summary>
internal static class ReportMessages
{
    public const string NoSuchSource = "no such bundle folder or telemetry file";

    public const string NotABundle = "not a bundle: no .oomlab/telemetry.db, settings.json, scenario.json, verdict.json or diagnosis.json in it, and no telemetry store under it";

    public const string NotATelemetryStoreText = Telemetry.TelemetryStoreMessages.NotATelemetryStoreText;

    public static string NotATelemetryStore(string reason) => $"{NotATelemetryStoreText} ({reason.TrimEnd('.')})";

    public static string CannotWrite(string reason) => $"cannot write the report: {reason}";

    public static string Unreadable(string file, string reason) => $"{file} could not be read: {reason}";
}
