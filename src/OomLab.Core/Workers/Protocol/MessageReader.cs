using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OomLab.Workers.Protocol;

/// <summary>
/// Reads newline-delimited protocol messages straight from the bytes of a stream: each line is deserialized from its
/// UTF-8 bytes in the read buffer, where a text reader would first decode it into a string for the serializer to
/// encode back. One reader per stream, one caller at a time.
/// </summary>
internal sealed class MessageReader<T>(Stream input, JsonTypeInfo<T> typeInfo)
    where T : class
{
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private bool ended;

    /// <summary>
    /// The next message; <see cref="MessageRead{T}.Message"/> is null for a line that is not a message, which
    /// <see cref="MessageRead{T}.Line"/> then carries as text. Null at the end of the stream.
    /// </summary>
    public async ValueTask<MessageRead<T>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = buffer.AsMemory(start, newline);
                start += newline + 1;
                return Parse(line);
            }

            if (ended)
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
            Array.Resize(ref buffer, buffer.Length * 2);
        }
    }
}
