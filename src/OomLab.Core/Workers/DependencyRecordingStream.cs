using System.Diagnostics;

namespace OomLab.Workers;

/// <summary>
/// The input blob as the function reads it: a read-only file stream that reports one <c>Azure blob</c>
/// dependency (duration from open to dispose, success unless a read failed) when it is disposed.
/// </summary>
internal sealed class DependencyRecordingStream(FileStream inner, Action<TimeSpan, bool> onDisposed) : Stream
{
    private readonly long started = Stopwatch.GetTimestamp();
    private bool failed;
    private bool disposed;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (IOException)
        {
            failed = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            failed = true;
            throw;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        Report();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Report();
        }

        base.Dispose(disposing);
    }

    private void Report()
    {
        if (!disposed)
        {
            disposed = true;
            onDisposed(Stopwatch.GetElapsedTime(started), !failed);
        }
    }
}
