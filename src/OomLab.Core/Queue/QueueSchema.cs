namespace OomLab.Queue;

/// <summary>The queue database's tables. Times are UTC ticks; <c>state</c> is <see cref="MessageState"/>.</summary>
internal static class QueueSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY,
            blob_name TEXT NOT NULL,
            version TEXT NOT NULL,
            length INTEGER NOT NULL,
            state INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            lease_token INTEGER,
            lease_run TEXT,
            observed_at INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            finished_at INTEGER,
            reason TEXT,
            UNIQUE (blob_name, version));
        CREATE INDEX IF NOT EXISTS messages_by_state ON messages (state, visible_at);
        CREATE TABLE IF NOT EXISTS receipts (
            message_id INTEGER PRIMARY KEY,
            blob_name TEXT NOT NULL,
            version TEXT NOT NULL,
            invocation_id TEXT NOT NULL,
            outputs TEXT NOT NULL,
            completed_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS host_runs (
            run_id TEXT PRIMARY KEY,
            started_at INTEGER NOT NULL,
            recovered_leases INTEGER NOT NULL);
        """;
}
