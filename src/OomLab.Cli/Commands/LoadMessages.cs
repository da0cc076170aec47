using System.Globalization;

namespace OomLab.Cli.Commands;

/// <summary>Texts of <c>oomlab load</c> errors; tests assert these factories, not literals.</summary>
internal static class LoadMessages
{
    public const string HiddenPrefix = "names under a '.' folder or ending in .tmp/.partial are never processed";

    public static string Count(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"--count: {count}: expected a whole number of blobs, at least 1");

    public static string Size(string reason) => $"--size: {reason}";

    public static string Rate(string rate) => $"--rate: \"{rate}\": expected blobs per second larger than zero, such as 200/s";

    public static string CannotWrite(string root, string reason) => $"--root: cannot write blobs under {root}: {reason}";

    public static string Prefix(string prefix, string reason) => $"--prefix: \"{prefix}\": {reason}";
}
