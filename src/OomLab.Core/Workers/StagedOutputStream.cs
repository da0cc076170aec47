using Microsoft.Win32.SafeHandles;
using OomLab.Blobs;

namespace OomLab.Workers;

/// <summary>
/// An output file in the invocation's staging folder, written straight to its handle (no stream buffer, no extra
/// copy). A large output's write-back to disk is started every <see cref="WriteBackWindow"/> bytes while the function
/// is still writing, and for the rest when it is closed, so a large copy never piles up as dirty pages. The file is
/// not fsynced here: the host publishes a batch of invocations' outputs and then flushes the file system once
/// (<see cref="FileSystemSync"/>) before it writes their receipts.
/// </summary>
internal sealed class StagedOutputStream : Stream
{
    /// <summary>How many written bytes start a write-back: 8 MiB.</summary>
    public const long WriteBackWindow = 8L * 1024 * 1024;

    private readonly SafeFileHandle handle;
    private long position;
    private long length;
    private long writtenBackTo;

    public StagedOutputStream(string path)
    {
        handle = NewFile.Create(path);
    }

    public override bool CanRead => false;

    public override bool CanSeek => !handle.IsClosed;

    public override bool CanWrite => !handle.IsClosed;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            position = value;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        RandomAccess.Write(handle, buffer, position);
        Advance(buffer.Length);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        await RandomAccess.WriteAsync(handle, buffer, position, cancellationToken);
        Advance(buffer.Length);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return position;
    }

    public override void SetLength(long value)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        RandomAccess.SetLength(handle, value);
        length = value;
        writtenBackTo = Math.Min(writtenBackTo, value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !handle.IsClosed)
        {
            try
            {
                if (writtenBackTo > 0)
                {
                    WriteBack.Start(handle, writtenBackTo, length - writtenBackTo);
                }
            }
            finally
            {
                handle.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Advance(int count)
    {
        position += count;
        length = Math.Max(length, position);
        if (position - writtenBackTo >= WriteBackWindow && position > writtenBackTo)
        {
            WriteBack.Start(handle, writtenBackTo, position - writtenBackTo);
            writtenBackTo = position;
        }
    }
}
