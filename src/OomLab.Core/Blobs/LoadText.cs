namespace OomLab.Blobs;

/// <summary>A load blob's content as a seekable read-only stream: <paramref name="length"/> bytes of the text, from an offset, wrapping.</summary>
internal sealed class LoadText(byte[] text, long length, int offset) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && Position < length)
        {
            var start = (int)((offset + Position) % text.Length);
            var chunk = (int)Math.Min(Math.Min(buffer.Length - total, text.Length - start), length - Position);
            text.AsSpan(start, chunk).CopyTo(buffer[total..]);
            total += chunk;
            Position += chunk;
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };
        return Position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
