namespace OomLab.Telemetry;

internal sealed partial class TelemetryWriter
{
    private async Task WriteLoopAsync()
    {
        var inserts = new Dictionary<TelemetryTable, TelemetryInsert>();
        var batch = new List<TelemetryItem>(options.BatchSize);
        var flushes = new List<FlushRequest>();
        try
        {
            while (await buffer.Reader.WaitToReadAsync())
            {
                if (!Drain(batch, flushes) && batch.Count < options.BatchSize && options.Linger > TimeSpan.Zero)
                {
                    await LingerAsync(batch, flushes);
                }

                WriteBatch(batch, inserts);
                batch.Clear();
                flushes.ForEach(flush => flush.Done.TrySetResult());
                flushes.Clear();
            }
        }
        finally
        {
            foreach (var insert in inserts.Values)
            {
                insert.Dispose();
            }
        }
    }

    /// <summary>Moves buffered items into the batch until it is full or a flush is asked for; true when one is.</summary>
    private bool Drain(List<TelemetryItem> batch, List<FlushRequest> flushes)
    {
        while (batch.Count < options.BatchSize && buffer.Reader.TryRead(out var item))
        {
            if (item is FlushRequest flush)
            {
                flushes.Add(flush);
                return true;
            }

            batch.Add(item);
        }

        return false;
    }

    /// <summary>Waits up to the linger time for more items to join the batch; a flush or a full batch ends the wait.</summary>
    private async Task LingerAsync(List<TelemetryItem> batch, List<FlushRequest> flushes)
    {
        using var linger = new CancellationTokenSource(options.Linger);
        try
        {
            while (batch.Count < options.BatchSize && await buffer.Reader.WaitToReadAsync(linger.Token))
            {
                if (Drain(batch, flushes))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (linger.IsCancellationRequested)
        {
            // The linger time is up: write what there is.
        }
    }

    private void WriteBatch(List<TelemetryItem> batch, Dictionary<TelemetryTable, TelemetryInsert> inserts)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            foreach (var item in batch)
            {
                var (table, values) = TelemetryRowMapper.Map(item, identity);
                if (!inserts.TryGetValue(table, out var insert))
                {
                    insert = new TelemetryInsert(connection, table);
                    inserts[table] = insert;
                }

                insert.Execute(values);
            }

            transaction.Commit();
            Interlocked.Add(ref written, batch.Count);
        }
#pragma warning disable CA1031 // Telemetry must never break the work: any failure is self-logged and writing goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref failed, batch.Count);
            SelfLog.Write($"telemetry: writing {batch.Count} items failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
