namespace OomLab.Functions;

/// <summary>Counts a blob's bytes and newline bytes chunk by chunk, remembering whether the last byte seen was a newline.</summary>
internal struct LineTally
{
    public long Bytes { get; private set; }

    public long Newlines { get; private set; }

    public bool EndsWithNewline { get; private set; }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        Bytes += chunk.Length;
        Newlines += chunk.Count((byte)'\n');
        EndsWithNewline = chunk[^1] == (byte)'\n';
    }
}
