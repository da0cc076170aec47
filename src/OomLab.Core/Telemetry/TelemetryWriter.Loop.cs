using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry;

internal sealed partial class TelemetryWriter
{
    private async Task WriteLoopAsync()
    {
        var inserts = new Dictionary<TelemetryTable, SqliteCommand>();
        var batch = new List<TelemetryItem>(options.BatchSize);
        var flushes = new List<FlushRequest>();
        try
        {
            while (await buffer.Reader.WaitToReadAsync())
            {
                while (batch.Count < options.BatchSize && buffer.Reader.TryRead(out var item))
                {
                    if (item is FlushRequest flush)
                    {
                        flushes.Add(flush);
                        break;
                    }

                    batch.Add(item);
                }

                WriteBatch(batch, inserts);
                batch.Clear();
                flushes.ForEach(flush => flush.Done.TrySetResult());
                flushes.Clear();
            }
        }
        finally
        {
            foreach (var command in inserts.Values)
            {
                command.Dispose();
            }
        }
    }

    private void WriteBatch(List<TelemetryItem> batch, Dictionary<TelemetryTable, SqliteCommand> inserts)
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
                    insert = TelemetryStore.PrepareInsert(connection, table);
                    inserts[table] = insert;
                }

                insert.Transaction = transaction;
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
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
