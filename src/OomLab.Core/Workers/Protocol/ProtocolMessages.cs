using System.Globalization;

namespace OomLab.Workers.Protocol;

/// <summary>The texts the worker protocol adds to what it reads or sends.</summary>
internal static class ProtocolMessages
{
    /// <summary>Stands for a line over <see cref="ProtocolLimits.MaxLineBytes"/>: its first bytes, then what was skipped.</summary>
    public static string LineTooLong(string prefix, int maxLineBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}... (a line longer than {maxLineBytes} bytes; the rest of it was skipped)");

    /// <summary>Ends a text cut to <see cref="ProtocolLimits.MaxTextChars"/>.</summary>
    public static string Clipped(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"... (cut from {length} characters)");
}
