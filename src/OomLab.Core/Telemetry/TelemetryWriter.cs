using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

/// <summary>
/// The telemetry store of a run: a SQLite file with Application Insights-shaped tables
/// (<see cref="TelemetrySchema"/>). <see cref="Emit"/> never blocks and never throws: items go into a
/// bounded buffer that a background task writes in batched transactions. When the buffer is full new
/// items are dropped and counted; write failures are reported to <see cref="SelfLog"/> and writing goes
/// on. Disposing flushes what was emitted.
/// </summary>
internal sealed partial class TelemetryWriter : ITelemetrySink, IAsyncDisposable
{
    private readonly Channel<TelemetryItem> buffer;
    private readonly TelemetryIdentity identity;
    private readonly TelemetryWriterOptions options;
    private readonly SqliteConnection connection;
    private readonly Task writing;
    private long dropped;
    private long written;
    private long failed;
    private int disposed;

    private TelemetryWriter(SqliteConnection connection, TelemetryIdentity identity, TelemetryWriterOptions options)
    {
        this.connection = connection;
        this.identity = identity;
        this.options = options;
        buffer = Channel.CreateBounded<TelemetryItem>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        writing = Task.Run(WriteLoopAsync);
    }

    /// <summary>Items dropped because the buffer was full or the writer was disposed.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Items written to the store.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Items lost to write failures.</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Creates (or appends to) the store at <paramref name="path"/>.</summary>
    public static TelemetryWriter Open(string path, TelemetryIdentity identity, TelemetryWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(identity);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = TelemetryStore.Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            TelemetryStore.CreateSchema(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new TelemetryWriter(connection, identity, options ?? TelemetryWriterOptions.Default);
    }

    public void Emit(TelemetryItem item)
    {
        if (item is null)
        {
            return;
        }

        if (!buffer.Writer.TryWrite(item))
        {
            var count = Interlocked.Increment(ref dropped);
            if (count == 1 || count % 10_000 == 0)
            {
                SelfLog.Write($"telemetry: buffer full or closed, {count} items dropped so far");
            }
        }
    }

    /// <summary>Waits until every item emitted before this call is written (or has failed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var request = new FlushRequest(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await buffer.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await request.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        buffer.Writer.TryComplete();
        await writing;
        await connection.DisposeAsync();
        if (Dropped > 0 || Failed > 0)
        {
            SelfLog.Write($"telemetry: {Written} items written, {Dropped} dropped, {Failed} lost to write failures");
        }
    }

    private sealed record FlushRequest(TaskCompletionSource Done) : TelemetryItem(DateTimeOffset.MinValue);
}
