using Microsoft.Data.Sqlite;

namespace OomLab.Queue;

internal sealed partial class BlobQueue
{
    /// <summary>The prepared statements, created once and reused for every message.</summary>
    private sealed class Commands : IDisposable
    {
        private readonly List<SqliteCommand> all = [];

        public Commands(SqliteConnection connection)
        {
            Enqueue = Create(connection, """
                INSERT OR IGNORE INTO messages (blob_name, version, length, state, visible_at, dequeue_count, observed_at, enqueued_at)
                VALUES ($name, $version, $length, 0, $now, 0, $observed, $now);
                """, "$name", "$version", "$length", "$now", "$observed");
            PoisonExpired = Create(connection, """
                UPDATE messages SET state = 3, lease_token = NULL, finished_at = $now,
                    reason = 'lease expired after ' || dequeue_count || ' attempts without completing'
                WHERE state = 1 AND visible_at <= $now AND dequeue_count >= $max;
                """, "$now", "$max");
            ReleaseExpired = Create(connection, """
                UPDATE messages SET state = 0, lease_token = NULL WHERE state = 1 AND visible_at <= $now;
                """, "$now");
            Lease = Create(connection, """
                UPDATE messages SET state = 1, lease_token = $token, lease_run = $run, visible_at = $until,
                    dequeue_count = dequeue_count + 1
                WHERE id IN (SELECT id FROM messages WHERE state = 0 AND visible_at <= $now ORDER BY visible_at, id LIMIT $max)
                RETURNING id, blob_name, version, length, dequeue_count, observed_at;
                """, "$token", "$run", "$until", "$now", "$max");
            Complete = Create(connection, """
                UPDATE messages SET state = 2, lease_token = NULL, finished_at = $now, reason = NULL
                WHERE id = $id AND state = 1 AND lease_token = $token;
                """, "$id", "$token", "$now");
            Receipt = Create(connection, """
                INSERT OR REPLACE INTO receipts (message_id, blob_name, version, invocation_id, outputs, completed_at)
                SELECT id, blob_name, version, $invocation, $outputs, $now FROM messages WHERE id = $id;
                """, "$id", "$invocation", "$outputs", "$now");
            Settle = Create(connection, """
                UPDATE messages SET
                    state = CASE WHEN $poison = 1 OR dequeue_count >= $max THEN 3 ELSE 0 END,
                    visible_at = $visible, lease_token = NULL, reason = $reason,
                    finished_at = CASE WHEN $poison = 1 OR dequeue_count >= $max THEN $now ELSE NULL END
                WHERE id = $id AND state = 1 AND lease_token = $token
                RETURNING state, dequeue_count;
                """, "$id", "$token", "$poison", "$max", "$visible", "$reason", "$now");
            Abandon = Create(connection, """
                UPDATE messages SET state = 0, lease_token = NULL, visible_at = $visible, dequeue_count = MAX(dequeue_count - 1, 0)
                WHERE id = $id AND state = 1 AND lease_token = $token;
                """, "$id", "$token", "$visible");
            Renew = Create(connection, """
                UPDATE messages SET visible_at = $until WHERE id = $id AND state = 1 AND lease_token = $token;
                """, "$id", "$token", "$until");
        }

        public SqliteCommand Enqueue { get; }

        public SqliteCommand Renew { get; }

        public SqliteCommand PoisonExpired { get; }

        public SqliteCommand ReleaseExpired { get; }

        public SqliteCommand Lease { get; }

        public SqliteCommand Complete { get; }

        public SqliteCommand Receipt { get; }

        public SqliteCommand Settle { get; }

        public SqliteCommand Abandon { get; }

        public void Dispose() => all.ForEach(command => command.Dispose());

        private SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
            }

            command.Prepare();
            all.Add(command);
            return command;
        }
    }
}
