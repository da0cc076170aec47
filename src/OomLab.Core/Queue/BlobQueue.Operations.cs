using System.Text.Json;
using Microsoft.Data.Sqlite;
using OomLab.Blobs;

namespace OomLab.Queue;

internal sealed partial class BlobQueue
{
    /// <summary>Queues each blob version not seen before, in one transaction; returns how many were new.</summary>
    public int EnqueueMany(IEnumerable<BlobCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            var command = Use(commands.Enqueue, transaction);
            command.Parameters["$now"].Value = time.GetUtcNow().UtcTicks;
            var added = 0;
            foreach (var candidate in candidates)
            {
                command.Parameters["$name"].Value = candidate.Name.Value;
                command.Parameters["$version"].Value = candidate.Version.Token;
                command.Parameters["$length"].Value = candidate.Length;
                command.Parameters["$observed"].Value = candidate.ObservedAt.UtcTicks;
                added += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        }
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> visible messages, oldest first, for <paramref name="leaseDuration"/>.
    /// Expired leases first become visible again, or poison when they have used up the dequeue count.
    /// </summary>
    public IReadOnlyList<LeasedMessage> Lease(int max, TimeSpan leaseDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        lock (gate)
        {
            var now = time.GetUtcNow();
            var until = now + leaseDuration;
            var token = Random.Shared.NextInt64(1, long.MaxValue);
            using var transaction = connection.BeginTransaction();

            var poison = Use(commands.PoisonExpired, transaction);
            poison.Parameters["$now"].Value = now.UtcTicks;
            poison.Parameters["$max"].Value = options.MaxDequeueCount;
            poison.ExecuteNonQuery();

            var release = Use(commands.ReleaseExpired, transaction);
            release.Parameters["$now"].Value = now.UtcTicks;
            release.ExecuteNonQuery();

            var lease = Use(commands.Lease, transaction);
            lease.Parameters["$token"].Value = token;
            lease.Parameters["$run"].Value = RunId;
            lease.Parameters["$until"].Value = until.UtcTicks;
            lease.Parameters["$now"].Value = now.UtcTicks;
            lease.Parameters["$max"].Value = max;
            var leased = new List<LeasedMessage>(max);
            using (var reader = lease.ExecuteReader())
            {
                while (reader.Read())
                {
                    leased.Add(new LeasedMessage(
                        reader.GetInt64(0), NameOf(reader.GetString(1)), reader.GetString(2), reader.GetInt64(3),
                        reader.GetInt32(4), token, new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), until));
                }
            }

            transaction.Commit();
            leased.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            return leased;
        }
    }

    /// <summary>
    /// Marks messages done and writes their receipts in one transaction. Call it only once the outputs are
    /// durable. A completion whose lease is no longer held changes nothing and is listed as lost.
    /// </summary>
    public CompleteResult Complete(IReadOnlyList<Completion> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        lock (gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var lost = new List<LeasedMessage>();
            using var transaction = connection.BeginTransaction();
            var complete = Use(commands.Complete, transaction);
            var receipt = Use(commands.Receipt, transaction);
            complete.Parameters["$now"].Value = now;
            receipt.Parameters["$now"].Value = now;
            foreach (var completion in completions)
            {
                complete.Parameters["$id"].Value = completion.Lease.Id;
                complete.Parameters["$token"].Value = completion.Lease.LeaseToken;
                if (complete.ExecuteNonQuery() == 0)
                {
                    lost.Add(completion.Lease);
                    continue;
                }

                receipt.Parameters["$id"].Value = completion.Lease.Id;
                receipt.Parameters["$invocation"].Value = completion.InvocationId;
                receipt.Parameters["$outputs"].Value = JsonSerializer.Serialize(completion.Outputs, QueueJsonContext.Default.IReadOnlyListString);
                receipt.ExecuteNonQuery();
            }

            transaction.Commit();
            return new CompleteResult(completions.Count - lost.Count, lost);
        }
    }

    /// <summary>
    /// Records a failed attempt: the message is visible again after <paramref name="retryDelay"/>, or poisoned
    /// with <paramref name="reason"/> once it has been dequeued <see cref="BlobQueueOptions.MaxDequeueCount"/> times.
    /// </summary>
    public FailResult Fail(LeasedMessage lease, string reason, TimeSpan retryDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryDelay, TimeSpan.Zero);
        return Settle(lease, reason, retryDelay, poison: false);
    }

    /// <summary>Poisons a leased message at once (a payload guard, a blob that can never succeed).</summary>
    public FailResult Poison(LeasedMessage lease, string reason) => Settle(lease, reason, TimeSpan.Zero, poison: true);

    /// <summary>
    /// Returns leased messages without charging the attempt (the host shuts down, or a worker crash that
    /// another invocation caused); they are visible again after <paramref name="delay"/>. Returns how many
    /// leases were still held.
    /// </summary>
    public int Abandon(IEnumerable<LeasedMessage> leases, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            var abandon = Use(commands.Abandon, transaction);
            abandon.Parameters["$visible"].Value = (time.GetUtcNow() + delay).UtcTicks;
            var count = 0;
            foreach (var lease in leases)
            {
                abandon.Parameters["$id"].Value = lease.Id;
                abandon.Parameters["$token"].Value = lease.LeaseToken;
                count += abandon.ExecuteNonQuery();
            }

            transaction.Commit();
            return count;
        }
    }

    /// <summary>
    /// Extends held leases to <paramref name="leaseDuration"/> from now, for invocations that run longer than
    /// their first lease (the <see cref="LeasedMessage.LeasedUntil"/> values held by the caller become stale).
    /// Returns the leases that were no longer held and so were not renewed.
    /// </summary>
    public IReadOnlyList<LeasedMessage> Renew(IEnumerable<LeasedMessage> leases, TimeSpan leaseDuration)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        lock (gate)
        {
            var lost = new List<LeasedMessage>();
            using var transaction = connection.BeginTransaction();
            var renew = Use(commands.Renew, transaction);
            renew.Parameters["$until"].Value = (time.GetUtcNow() + leaseDuration).UtcTicks;
            foreach (var lease in leases)
            {
                renew.Parameters["$id"].Value = lease.Id;
                renew.Parameters["$token"].Value = lease.LeaseToken;
                if (renew.ExecuteNonQuery() == 0)
                {
                    lost.Add(lease);
                }
            }

            transaction.Commit();
            return lost;
        }
    }

    private FailResult Settle(LeasedMessage lease, string reason, TimeSpan retryDelay, bool poison)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        lock (gate)
        {
            var now = time.GetUtcNow();
            var visible = now + retryDelay;
            using var transaction = connection.BeginTransaction();
            var settle = Use(commands.Settle, transaction);
            settle.Parameters["$id"].Value = lease.Id;
            settle.Parameters["$token"].Value = lease.LeaseToken;
            settle.Parameters["$poison"].Value = poison ? 1 : 0;
            settle.Parameters["$max"].Value = options.MaxDequeueCount;
            settle.Parameters["$visible"].Value = visible.UtcTicks;
            settle.Parameters["$reason"].Value = reason;
            settle.Parameters["$now"].Value = now.UtcTicks;
            FailResult result;
            using (var reader = settle.ExecuteReader())
            {
                result = !reader.Read()
                    ? new FailResult(FailOutcome.LeaseLost, lease.DequeueCount, null)
                    : (MessageState)reader.GetInt32(0) == MessageState.Poison
                        ? new FailResult(FailOutcome.Poisoned, reader.GetInt32(1), null)
                        : new FailResult(FailOutcome.Requeued, reader.GetInt32(1), visible);
            }

            transaction.Commit();
            return result;
        }
    }

    private static SqliteCommand Use(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        return command;
    }
}
