using Microsoft.Win32.SafeHandles;

namespace OomLab.Workers;

/// <summary>
/// An output file written straight to its handle (no stream buffer, no extra copy), whose write-back to disk
/// is started every <see cref="WriteBackWindow"/> bytes while the function is still writing, and which is
/// flushed to disk (fsync) when disposed, so Completed is only sent for durable bytes. Many invocations run at
/// once, so their fsyncs overlap; the host then publishes the outputs of a batch with one folder fsync.
/// A file written sequentially past <see cref="WriteBackWindow"/> goes on with direct I/O from two aligned
/// blocks from <see cref="DirectBlockArray"/>-byte pooled arrays (where the system allows it), one filling while the other is being
/// written, so the disk never waits for the writer: a large copy through the page cache took about twice as
/// long as writing it straight to disk, on dirty-page throttling and write-back.
/// </summary>
internal sealed class DurableOutputStream : Stream
{
    /// <summary>How many written bytes start a write-back: 8 MiB; a file that grows past it sequentially goes direct.</summary>
    public const long WriteBackWindow = 8L * 1024 * 1024;

    /// <summary>The pooled array behind one direct block: 1 MiB (a block of 1020 KiB once aligned). Two per large output.</summary>
    public const int DirectBlockArray = 1024 * 1024;

    private readonly SafeFileHandle handle;
    private long position;
    private long length;
    private long writtenBackTo;
    private DirectState direct;
    private AlignedBlock? block;
    private AlignedBlock? spare;
    private Task pendingWrite = Task.CompletedTask;
    private long blockOffset;
    private int blockFilled;

    private enum DirectState
    {
        NotYet,
        On,
        Never,
    }

    public DurableOutputStream(string path)
    {
        handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
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
        while (!buffer.IsEmpty)
        {
            var written = direct switch
            {
                DirectState.NotYet when position < WriteBackWindow => WriteBuffered(buffer[..(int)Math.Min(buffer.Length, WriteBackWindow - position)]),
                DirectState.NotYet => ChooseDirect(),
                DirectState.On when position == blockOffset + blockFilled => WriteDirect(buffer),
                DirectState.On => LeaveDirect(),
                _ => WriteBuffered(buffer),
            };
            buffer = buffer[written..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        if (direct == DirectState.Never || position + buffer.Length <= WriteBackWindow)
        {
            await RandomAccess.WriteAsync(handle, buffer, position, cancellationToken);
            Advance(buffer.Length);
            return;
        }

        // Direct writes block on the disk, as the thread pool's own file writes do on Unix.
        await Task.Run(() => Write(buffer.Span), cancellationToken);
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
        LeaveDirect();
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
                LeaveDirect();
                RandomAccess.FlushToDisk(handle);
            }
            finally
            {
                ReleaseBlocks();
                handle.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private int WriteBuffered(ReadOnlySpan<byte> buffer)
    {
        RandomAccess.Write(handle, buffer, position);
        Advance(buffer.Length);
        return buffer.Length;
    }

    // Past the window, at an aligned offset: the bytes so far are already being written back; the rest goes direct.
    private int ChooseDirect()
    {
        if (position % DirectIo.Alignment == 0 && DirectIo.TrySet(handle, on: true))
        {
            block = new AlignedBlock(DirectBlockArray);
            spare = new AlignedBlock(DirectBlockArray);
            blockOffset = position;
            blockFilled = 0;
            direct = DirectState.On;
        }
        else
        {
            direct = DirectState.Never;
        }

        return 0;
    }

    private int WriteDirect(ReadOnlySpan<byte> buffer)
    {
        var target = block!.Span;
        var count = Math.Min(buffer.Length, target.Length - blockFilled);
        buffer[..count].CopyTo(target[blockFilled..]);
        blockFilled += count;
        position += count;
        length = Math.Max(length, position);
        if (blockFilled == target.Length)
        {
            // The previous block must be on disk before its buffer is filled again; this one is written meanwhile.
            pendingWrite.GetAwaiter().GetResult();
            pendingWrite = RandomAccess.WriteAsync(handle, block.Memory, blockOffset).AsTask();
            (block, spare) = (spare, block);
            blockOffset += blockFilled;
            blockFilled = 0;
        }

        return count;
    }

    // Writes what the block holds (its aligned part direct, the rest buffered) and stays buffered from then on.
    private int LeaveDirect()
    {
        if (direct != DirectState.On)
        {
            direct = DirectState.Never;
            return 0;
        }

        direct = DirectState.Never;
        pendingWrite.GetAwaiter().GetResult();
        var held = block!.Span[..blockFilled];
        var aligned = blockFilled / DirectIo.Alignment * DirectIo.Alignment;
        if (aligned > 0)
        {
            RandomAccess.Write(handle, held[..aligned], blockOffset);
        }

        if (!DirectIo.TrySet(handle, on: false))
        {
            throw new IOException($"could not turn direct I/O off for an output after {blockOffset + aligned} bytes");
        }

        if (aligned < blockFilled)
        {
            RandomAccess.Write(handle, held[aligned..], blockOffset + aligned);
        }

        ReleaseBlocks();
        writtenBackTo = blockOffset + blockFilled;
        return 0;
    }

    private void ReleaseBlocks()
    {
        if (block is null)
        {
            return;
        }

        // After a failure a block may still be in flight: let it land before its array goes back to the pool.
        try
        {
            pendingWrite.Wait();
        }
        catch (AggregateException)
        {
            // Already reported by the write or the flush that failed.
        }

        block.Dispose();
        spare?.Dispose();
        block = null;
        spare = null;
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
