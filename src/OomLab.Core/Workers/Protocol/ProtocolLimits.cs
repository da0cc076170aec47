namespace OomLab.Workers.Protocol;

/// <summary>The sizes that keep one side of the worker protocol from growing the other without limit.</summary>
internal static class ProtocolLimits
{
    /// <summary>
    /// The longest line either side reads, in bytes without its newline: 1 MiB (1,048,576). A longer line is no
    /// message: the reader reports it once as a line that is not protocol (its first
    /// <see cref="ReportedPrefixBytes"/> bytes), skips the rest of it up to the next newline, and so never holds more
    /// than this much of one line, whatever a worker prints.
    /// </summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>How much of an over-long line is reported: its first 256 bytes.</summary>
    public const int ReportedPrefixBytes = 256;

    /// <summary>
    /// The longest text a worker puts in one message field (a log line, an exception's message or details), in
    /// characters: 64 Ki (65,536). Longer text is cut and marked, so that even escaped as <c>\uXXXX</c> a
    /// <c>failed</c> message stays under <see cref="MaxLineBytes"/> and its invocation still gets its outcome.
    /// </summary>
    public const int MaxTextChars = 64 * 1024;

    /// <summary><paramref name="text"/>, cut to <see cref="MaxTextChars"/> characters with a marker saying so.</summary>
    public static string Clip(string text) =>
        text.Length <= MaxTextChars ? text : string.Concat(text.AsSpan(0, MaxTextChars), ProtocolMessages.Clipped(text.Length));
}
