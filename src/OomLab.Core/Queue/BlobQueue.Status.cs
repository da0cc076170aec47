using Microsoft.Data.Sqlite;

namespace OomLab.Queue;

internal sealed partial class BlobQueue
{
    /// <summary>Counts per state, the receipts count and up to <paramref name="poisonLimit"/> poisoned blobs.</summary>
    public QueueStatus GetStatus(int poisonLimit = 1000)
    {
        lock (gate)
        {
            return ReadStatus(connection, poisonLimit);
        }
    }

    /// <summary>Whether nothing is queued or leased.</summary>
    public bool IsDrained()
    {
        var status = GetStatus(poisonLimit: 0);
        return status.Queued == 0 && status.Leased == 0;
    }

    /// <summary>
    /// Reads the status of the queue at <paramref name="path"/> without disturbing a host that has it open.
    /// Throws <see cref="QueueNotFoundException"/> when there is no queue there.
    /// </summary>
    public static QueueStatus ReadStatus(string path, int poisonLimit = 1000)
    {
        if (!File.Exists(path))
        {
            throw new QueueNotFoundException(path, QueueMessages.NoQueue(path));
        }

        try
        {
            using var connection = Connect(path, SqliteOpenMode.ReadOnly);
            return ReadStatus(connection, poisonLimit);
        }
        catch (SqliteException ex)
        {
            throw new QueueNotFoundException(path, QueueMessages.NotAQueue(path, ex.Message), ex);
        }
    }

    private static QueueStatus ReadStatus(SqliteConnection connection, int poisonLimit)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var counts = new long[4];
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT state, count(*) FROM messages GROUP BY state;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var state = reader.GetInt32(0);
                if (state is >= 0 and < 4)
                {
                    counts[state] = reader.GetInt64(1);
                }
            }
        }

        long receipts;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT count(*) FROM receipts;";
            receipts = (long)command.ExecuteScalar()!;
        }

        var poison = new List<PoisonedMessage>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT id, blob_name, version, length, dequeue_count, coalesce(reason, ''), coalesce(finished_at, 0)
                FROM messages WHERE state = 3 ORDER BY finished_at, id LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", poisonLimit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                poison.Add(new PoisonedMessage(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4),
                    reader.GetString(5), new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero)));
            }
        }

        return new QueueStatus(counts[0], counts[1], counts[2], counts[3], receipts, poison);
    }
}
