namespace OomLab.Workers;

/// <summary>An output file that is flushed to disk (fsync) when disposed, so Completed is only sent for durable bytes.</summary>
internal sealed class DurableOutputStream(string path)
    : FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0)
{
    private bool synced;

    public override async ValueTask DisposeAsync()
    {
        SyncOnce();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SyncOnce();
        }

        base.Dispose(disposing);
    }

    private void SyncOnce()
    {
        if (!synced && SafeFileHandle is { IsClosed: false })
        {
            synced = true;
            Flush(flushToDisk: true);
        }
    }
}
