namespace OomLab.Configuration;

/// <summary>The texts of byte-size parse errors; tests assert these factories, not literals.</summary>
internal static class ByteSizeMessages
{
    public const string Empty = "expected a size such as 4KiB, 6MiB or 100MB, got nothing";

    public const string RangeSyntax = "expected a size (4KiB) or a range of sizes (6MiB..12MiB)";

    public static string NotASize(string text) =>
        $"\"{text}\" is not a size: expected a number with an optional unit B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (for example 4KiB)";

    public static string TooLarge(string text) => $"\"{text}\" is too large";

    public static string RangeReversed(string text) => $"\"{text}\": the lower bound is larger than the upper bound";
}
