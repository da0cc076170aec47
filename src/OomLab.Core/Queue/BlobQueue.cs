using Microsoft.Data.Sqlite;
using OomLab.Blobs;

namespace OomLab.Queue;

/// <summary>
/// The durable queue of blob invocations and their receipts, in one SQLite file (WAL, synchronous=NORMAL:
/// every committed change survives a kill -9 of the process). One message per blob version; a lease
/// hides it until the lease expires; each lease counts a dequeue; a failure retries after a delay until
/// <see cref="BlobQueueOptions.MaxDequeueCount"/>, then poisons with the reason. Every operation on many
/// messages is one transaction with prepared commands. Thread-safe; one host opens a queue at a time.
/// </summary>
internal sealed partial class BlobQueue : Storage.IWorkQueue
{
    private readonly SqliteConnection connection;
    private readonly BlobQueueOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Commands commands;

    private BlobQueue(SqliteConnection connection, BlobQueueOptions options, TimeProvider time, string runId, int recoveredLeases)
    {
        this.connection = connection;
        this.options = options;
        this.time = time;
        RunId = runId;
        RecoveredLeases = recoveredLeases;
        commands = new Commands(connection);
    }

    /// <summary>This host run's id; leases of earlier runs were returned to the queue when it opened.</summary>
    public string RunId { get; }

    /// <summary>Leases of an earlier (crashed) host run that were returned to the queue on open, without charging a dequeue.</summary>
    public int RecoveredLeases { get; }

    /// <summary>
    /// Opens or creates the queue at <paramref name="path"/> for a host run. Leases held by an earlier run
    /// are returned to the queue at once: that host is gone, so nobody will complete them. Their dequeue is
    /// refunded, since the blob did not fail — its host did.
    /// </summary>
    public static BlobQueue Open(string path, BlobQueueOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var time = timeProvider ?? TimeProvider.System;
        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=NORMAL;");
            Execute(connection, QueueSchema.Create);
            Execute(connection, $"PRAGMA user_version={QueueSchema.Version};");

            var runId = Guid.NewGuid().ToString("N");
            int recovered;
            using (var transaction = connection.BeginTransaction())
            {
                using var recover = connection.CreateCommand();
                recover.Transaction = transaction;
                recover.CommandText = """
                    UPDATE messages SET state = 0, lease_token = NULL, lease_run = NULL, visible_at = $now,
                        dequeue_count = MAX(dequeue_count - 1, 0)
                    WHERE state = 1;
                    """;
                recover.Parameters.AddWithValue("$now", time.GetUtcNow().UtcTicks);
                recovered = recover.ExecuteNonQuery();

                using var run = connection.CreateCommand();
                run.Transaction = transaction;
                run.CommandText = "INSERT INTO host_runs (run_id, started_at, recovered_leases) VALUES ($run, $now, $recovered);";
                run.Parameters.AddWithValue("$run", runId);
                run.Parameters.AddWithValue("$now", time.GetUtcNow().UtcTicks);
                run.Parameters.AddWithValue("$recovered", recovered);
                run.ExecuteNonQuery();
                transaction.Commit();
            }

            return new BlobQueue(connection, options ?? BlobQueueOptions.Default, time, runId, recovered);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            commands.Dispose();
            connection.Dispose();
        }
    }

    internal static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // A closed queue must really be closed (tests reopen it; the host may be restarted in-process).
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static BlobName NameOf(string stored) =>
        BlobName.TryCreate(stored, out var name, out _) ? name : throw new InvalidBlobNameException(stored, "stored in the queue but not a valid name");
}
