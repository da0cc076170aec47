using System.Globalization;

namespace OomLab.Blobs;

/// <summary>The texts of blob and container errors; tests assert these factories, not literals.</summary>
internal static class BlobMessages
{
    public const string EmptyName = "the name is empty";
    public const string Absolute = "an absolute path would escape the container";
    public const string Backslash = "'\\' is not allowed; use '/' between segments";
    public const string EmptySegment = "a segment is empty ('//' or a trailing '/')";
    public const string NotRegularFile = "not a regular file (a FIFO, socket or device is never a blob)";

    public static string NameTooLong(int length) => $"the name is {length} characters long; at most {BlobName.MaxLength} are allowed";

    public static string ControlCharacter(char c) =>
        string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)c:X4} is not allowed");

    public static string DotSegment(string segment) => $"a '{segment}' segment would escape the container";

    public static string InvalidName(string? name, string reason) => $"blob name \"{Escape(name)}\" refused: {reason}";

    public static string InvalidContainer(string name) =>
        $"container name \"{Escape(name)}\" refused: expected 3 to 63 characters of lowercase letters, digits and single hyphens, starting and ending with a letter or digit";

    /// <summary>Shows control characters as escapes so a refused name cannot mangle a terminal.</summary>
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        }

        return builder.ToString();
    }
}
