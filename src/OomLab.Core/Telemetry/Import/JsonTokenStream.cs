using System.Text;
using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Reads a JSON file token by token with <see cref="Utf8JsonReader"/> over a small buffer, so a file of any
/// size takes memory in proportion to its largest value, not its length. Tracks lines and columns for errors.
/// Reads a sequence of top-level values too (JSON lines, as diagnostic settings write to a storage account).
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    /// <summary>The largest single value (a row) accepted; beyond it the file is rejected with its location.</summary>
    public const int MaxValueBytes = 16 * 1024 * 1024;

    private readonly Stream stream;
    private readonly string file;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool final;
    private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowMultipleValues = true });
    private long line = 1;
    private long column = 1;

    public JsonTokenStream(Stream stream, string file)
    {
        this.stream = stream;
        this.file = file;
        var preamble = Encoding.UTF8.Preamble;
        Fill();
        if (end - start >= preamble.Length && buffer.AsSpan(start, preamble.Length).SequenceEqual(preamble))
        {
            start += preamble.Length;
        }
    }

    public JsonTokenType TokenType { get; private set; } = JsonTokenType.None;

    /// <summary>The current string or property name (null for other tokens).</summary>
    public string? Text { get; private set; }

    /// <summary>Where the current token starts, for messages.</summary>
    public (long Line, long Column) Position { get; private set; }

    /// <summary>Moves to the next token; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            bool ok;
            try
            {
                ok = reader.Read();
            }
            catch (JsonException ex)
            {
                throw Error(ex);
            }

            if (ok)
            {
                var tokenStart = (int)reader.TokenStartIndex;
                Position = Locate(tokenStart);
                TokenType = reader.TokenType;
                Text = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString() : null;
                Advance((int)reader.BytesConsumed, reader.CurrentState);
                return true;
            }

            if (final)
            {
                TokenType = JsonTokenType.None;
                return false;
            }

            Refill();
        }
    }

    /// <summary>Reads the next top-level value parsed; null at the end of the file.</summary>
    public JsonDocument? ReadTopLevelValue() => ReadValue(orEnd: true);

    /// <summary>Reads the next whole value (a row, a column list, a scalar) parsed; null when the enclosing array or object ends instead.</summary>
    public JsonDocument? ReadValue() => ReadValue(orEnd: false);

    private JsonDocument? ReadValue(bool orEnd)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            bool complete;
            var tokenStart = 0;
            var first = JsonTokenType.None;
            bool any;
            try
            {
                complete = any = reader.Read();
                if (complete)
                {
                    tokenStart = (int)reader.TokenStartIndex;
                    first = reader.TokenType;
                    complete = first is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();
                }
            }
            catch (JsonException ex)
            {
                throw Error(ex);
            }

            if (complete)
            {
                Position = Locate(tokenStart);
                TokenType = first;
                if (first is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    Advance((int)reader.BytesConsumed, reader.CurrentState);
                    return null;
                }

                var document = ParseSlice(buffer.AsMemory(start + tokenStart, (int)reader.BytesConsumed - tokenStart));
                Advance((int)reader.BytesConsumed, reader.CurrentState);
                return document;
            }

            if (final)
            {
                if (orEnd && !any)
                {
                    TokenType = JsonTokenType.None;
                    return null;
                }

                throw new ImportException(file, line, column, ImportMessages.EndsMidValue);
            }

            Refill();
        }
    }

    public void Dispose() => stream.Dispose();

    public ImportException Error(string problem) => new(file, Position.Line, Position.Column, problem);

    private JsonDocument ParseSlice(ReadOnlyMemory<byte> slice)
    {
        try
        {
            return JsonDocument.Parse(slice);
        }
        catch (JsonException ex)
        {
            throw new ImportException(file, Position.Line + (ex.LineNumber ?? 0), (ex.LineNumber ?? 0) == 0 ? Position.Column + (ex.BytePositionInLine ?? 0) : (ex.BytePositionInLine ?? 0) + 1, ImportMessages.InvalidJson(ex.Message));
        }
    }

    private (long Line, long Column) Locate(int offset)
    {
        long l = line, c = column;
        foreach (var b in buffer.AsSpan(start, offset))
        {
            if (b == (byte)'\n')
            {
                l++;
                c = 1;
            }
            else
            {
                c++;
            }
        }

        return (l, c);
    }

    private void Advance(int consumed, JsonReaderState next)
    {
        (line, column) = Locate(consumed);
        start += consumed;
        state = next;
    }

    private ImportException Error(JsonException ex)
    {
        // The reader state carries line and byte position across buffers: they count from the start of the file.
        var l = (ex.LineNumber ?? (line - 1)) + 1;
        var c = (ex.BytePositionInLine ?? (column - 1)) + 1;
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return new ImportException(file, l, c, ImportMessages.InvalidJson(cut > 0 ? message[..cut] : message));
    }

    private void Refill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxValueBytes)
            {
                throw new ImportException(file, line, column, ImportMessages.ValueTooLarge(MaxValueBytes / (1024 * 1024)));
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        Fill();
    }

    private void Fill()
    {
        while (end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                final = true;
                return;
            }

            end += read;
        }
    }
}
