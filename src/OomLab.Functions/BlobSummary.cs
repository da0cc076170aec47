using System.Text.Json;

namespace OomLab.Functions;

/// <summary>
/// What both sample functions report about a blob, written as <c>&lt;name&gt;.result.json</c>:
/// <c>{"name":"a.csv","bytes":12,"lines":3,"sha256":"…"}</c>. Lines count <c>\n</c> bytes, plus one
/// for a last line without a newline, so an empty blob has 0 lines.
/// </summary>
internal readonly record struct BlobSummary(string Name, long Bytes, long Lines, byte[] Sha256)
{
    /// <summary>The suffix of the result document's name.</summary>
    public const string ResultSuffix = ".result.json";

    /// <summary>Counts lines given the number of newline bytes and whether the blob ends with one.</summary>
    public static long CountLines(long bytes, long newlines, bool endsWithNewline) =>
        bytes == 0 ? 0 : newlines + (endsWithNewline ? 0 : 1);

    /// <summary>The document as UTF-8 JSON on one line, the same bytes for the same blob whichever function wrote it.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WriteNumber("bytes", Bytes);
            writer.WriteNumber("lines", Lines);
            writer.WriteString("sha256", Convert.ToHexStringLower(Sha256));
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
