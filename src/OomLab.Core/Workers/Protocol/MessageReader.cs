using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OomLab.Workers.Protocol;

/// <summary>
/// Reads newline-delimited protocol messages straight from the bytes of a stream: each line is deserialized from its
/// UTF-8 bytes in the read buffer, where a text reader would first decode it into a string for the serializer to
/// encode back. One reader per stream, one caller at a time. A line longer than <c>maxLineBytes</c>
/// (<see cref="ProtocolLimits.MaxLineBytes"/> by default) is read as one line that is not a message, carrying its first
/// bytes, and the rest of it is skipped: the buffer never grows past the limit, whatever the other side writes.
/// </summary>
internal sealed class MessageReader<T>(Stream input, JsonTypeInfo<T> typeInfo, int maxLineBytes = ProtocolLimits.MaxLineBytes)
    where T : class
{
    private readonly int lineLimit = maxLineBytes > 0 ? maxLineBytes : throw new ArgumentOutOfRangeException(nameof(maxLineBytes), maxLineBytes, "positive");
    private byte[] buffer = new byte[Math.Min(16 * 1024L, maxLineBytes + 1L)];
    private int start;
    private int end;
    private bool ended;
    private bool skipping;

    /// <summary>The read buffer's size; never more than the line limit plus one byte.</summary>
    public int Capacity => buffer.Length;

    /// <summary>
    /// The next message; <see cref="MessageRead{T}.Message"/> is null for a line that is not a message, which
    /// <see cref="MessageRead{T}.Line"/> then carries as text. Null at the end of the stream.
    /// </summary>
    public async ValueTask<MessageRead<T>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (skipping)
            {
                // The rest of an over-long line, already reported: dropped up to its newline.
                start = newline >= 0 ? start + newline + 1 : end;
                skipping = newline < 0;
                if (!skipping)
                {
                    continue;
                }
            }
            else if (newline < 0 && end - start > lineLimit)
            {
                var prefix = buffer.AsSpan(start, Math.Min(ProtocolLimits.ReportedPrefixBytes, end - start));
                start = end;
                skipping = true;
                return new MessageRead<T>(null, ProtocolMessages.LineTooLong(Encoding.UTF8.GetString(prefix), lineLimit));
            }
            else if (newline >= 0)
            {
                var line = buffer.AsMemory(start, newline);
                start += newline + 1;
                return Parse(line);
            }

            if (ended && !skipping)
            {
                if (start == end)
                {
                    return null;
                }

                // A last line without its newline, as a text reader would return it.
                var rest = buffer.AsMemory(start, end - start);
                start = end;
                return Parse(rest);
            }

            if (ended)
            {
                return null;
            }

            MakeRoom();
            var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                ended = true;
            }

            end += read;
        }
    }

    private MessageRead<T> Parse(ReadOnlyMemory<byte> line)
    {
        var bytes = line.Span;
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            return new MessageRead<T>(ProtocolCodec.TryRead<T>(bytes) ?? JsonSerializer.Deserialize(bytes, typeInfo), null);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Not JSON, or JSON that is no message (an object without a known type cannot be deserialized at all).
            return new MessageRead<T>(null, Encoding.UTF8.GetString(bytes));
        }
    }

    /// <summary>Moves a partial line to the front, and grows the buffer when the line fills it.</summary>
    private void MakeRoom()
    {
        if (start == end)
        {
            start = end = 0;
            return;
        }

        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            // Room for the longest line and one byte more, which tells an over-long line from one at the limit.
            Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, lineLimit + 1L));
        }
    }
}
