namespace OomLab.Configuration;

/// <summary>The texts of settings errors; tests assert these factories, not literals.</summary>
internal static class SettingsMessages
{
    public static string Invalid(string source, string key, string? value, string expectation) =>
        $"{source}: {key} = \"{value}\": {expectation}";

    public static string WholeNumber(int min, int max) => $"expected a whole number from {min} to {max}";

    public const string TimeSpan = "expected a time span such as 00:00:30 (hh:mm:ss), not negative";

    public const string Timeout = "expected a positive time span such as 00:05:00 (hh:mm:ss), or -1 for no limit";

    public const string Size = "expected a size in bytes such as 100MB or 64MiB, larger than zero";

    public const string Version = "expected \"2.0\"";

    public static string CorruptJson(string path, long line, long column, string detail) =>
        $"{path}: line {line}, column {column}: not valid JSON: {detail}";

    public static string Assignment(string source, string text) => $"{source}: \"{text}\": expected KEY=VALUE";

    public static string Unreadable(string path, string detail) => $"{path}: cannot be read: {detail}";
}
