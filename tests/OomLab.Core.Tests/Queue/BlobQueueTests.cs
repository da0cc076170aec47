using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OomLab.Queue;
using OomLab.Tests.Support;

namespace OomLab.Tests.Queue;

public sealed class BlobQueueTests : IDisposable
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider clock = new(LabClock.T0);
    private readonly string path;

    public BlobQueueTests() => path = directory.Combine(".oomlab", "queue.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Enqueue_is_idempotent_per_blob_version()
    {
        using var queue = Open();

        queue.EnqueueMany(Some.Candidates(100)).ShouldBe(100);
        queue.EnqueueMany(Some.Candidates(100)).ShouldBe(0);
        queue.EnqueueMany([Some.Candidate("blob-00000.txt", length: 4096, ticks: 2)]).ShouldBe(1);

        queue.GetStatus().Queued.ShouldBe(101);
    }

    [Fact]
    public void Lease_hides_messages_counts_dequeues_and_returns_oldest_first()
    {
        using var queue = Open();
        queue.EnqueueMany(Some.Candidates(10));

        var first = queue.Lease(4, LeaseTime);
        var second = queue.Lease(100, LeaseTime);

        first.Select(m => m.Name.Value).ShouldBe(Enumerable.Range(0, 4).Select(i => $"blob-{i:D5}.txt"));
        first.ShouldAllBe(m => m.DequeueCount == 1 && m.Length == 4096 && m.LeasedUntil == clock.GetUtcNow() + LeaseTime);
        second.Count.ShouldBe(6);
        queue.Lease(100, LeaseTime).ShouldBeEmpty();
        queue.GetStatus().Leased.ShouldBe(10);
    }

    [Fact]
    public void Complete_marks_done_and_writes_a_receipt()
    {
        using var queue = Open();
        queue.EnqueueMany(Some.Candidates(3));
        var leased = queue.Lease(3, LeaseTime);

        var result = queue.Complete(leased.Select(m => new Completion(m, $"inv-{m.Id}", [$"output/{m.Name}"])).ToList());

        result.Completed.ShouldBe(3);
        result.LostLeases.ShouldBeEmpty();
        var status = queue.GetStatus();
        (status.Done, status.Receipts, status.Queued, status.Leased).ShouldBe((3L, 3L, 0L, 0L));
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_name, invocation_id, outputs FROM receipts ORDER BY message_id LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetString(0), reader.GetString(1), reader.GetString(2)).ShouldBe(("blob-00000.txt", $"inv-{leased[0].Id}", "[\"output/blob-00000.txt\"]"));
    }

    [Fact]
    public void A_failure_retries_after_the_delay_then_poisons_at_max_dequeue_count_with_the_reason()
    {
        using var queue = Open(maxDequeueCount: 3);
        queue.EnqueueMany([Some.Candidate("bad.txt")]);
        var outcomes = new List<FailOutcome>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var lease = queue.Lease(1, LeaseTime).ShouldHaveSingleItem();
            lease.DequeueCount.ShouldBe(attempt);
            var result = queue.Fail(lease, $"OutOfMemoryException on attempt {attempt}", TimeSpan.FromSeconds(10));
            outcomes.Add(result.Outcome);
            if (result.Outcome == FailOutcome.Requeued)
            {
                result.VisibleAt.ShouldBe(clock.GetUtcNow() + TimeSpan.FromSeconds(10));
                queue.Lease(1, LeaseTime).ShouldBeEmpty();
                clock.Advance(TimeSpan.FromSeconds(10));
            }
        }

        outcomes.ShouldBe([FailOutcome.Requeued, FailOutcome.Requeued, FailOutcome.Poisoned]);
        var status = queue.GetStatus();
        status.Poison.ShouldBe(1);
        var poisoned = status.PoisonList.ShouldHaveSingleItem();
        (poisoned.Name, poisoned.DequeueCount, poisoned.Reason).ShouldBe(("bad.txt", 3, "OutOfMemoryException on attempt 3"));
        queue.Lease(10, LeaseTime).ShouldBeEmpty();
    }

    [Fact]
    public void Poison_gives_up_at_once_with_the_reason()
    {
        using var queue = Open();
        queue.EnqueueMany([Some.Candidate("huge.bin", length: 1L << 34)]);
        var lease = queue.Lease(1, LeaseTime).Single();

        queue.Poison(lease, "payload guard: 16GiB > 64MiB").Outcome.ShouldBe(FailOutcome.Poisoned);

        queue.GetStatus().PoisonList.Single().Reason.ShouldBe("payload guard: 16GiB > 64MiB");
    }

    [Fact]
    public void An_expired_lease_returns_and_its_holder_can_no_longer_settle_it()
    {
        using var queue = Open();
        queue.EnqueueMany([Some.Candidate("a.txt")]);
        var stale = queue.Lease(1, TimeSpan.FromSeconds(30)).Single();

        clock.Advance(TimeSpan.FromSeconds(31));
        var fresh = queue.Lease(1, LeaseTime).ShouldHaveSingleItem();

        fresh.DequeueCount.ShouldBe(2);
        fresh.LeaseToken.ShouldNotBe(stale.LeaseToken);
        queue.Complete([new Completion(stale, "late", [])]).LostLeases.ShouldBe([stale]);
        queue.Fail(stale, "late", TimeSpan.Zero).Outcome.ShouldBe(FailOutcome.LeaseLost);
        queue.Complete([new Completion(fresh, "inv", [])]).Completed.ShouldBe(1);
    }

    [Fact]
    public void A_renewed_lease_does_not_expire_at_its_first_deadline()
    {
        using var queue = Open();
        queue.EnqueueMany([Some.Candidate("big.bin")]);
        var lease = queue.Lease(1, TimeSpan.FromSeconds(30)).Single();

        clock.Advance(TimeSpan.FromSeconds(20));
        queue.Renew([lease], TimeSpan.FromSeconds(30)).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(20));

        queue.Lease(1, LeaseTime).ShouldBeEmpty();
        queue.Complete([new Completion(lease, "inv", [])]).Completed.ShouldBe(1);
        queue.Renew([lease], TimeSpan.FromSeconds(30)).ShouldBe([lease]);
    }

    [Fact]
    public void Leases_that_keep_expiring_end_in_poison_with_the_reason()
    {
        using var queue = Open(maxDequeueCount: 2);
        queue.EnqueueMany([Some.Candidate("hangs.txt")]);

        queue.Lease(1, TimeSpan.FromSeconds(1)).ShouldHaveSingleItem();
        clock.Advance(TimeSpan.FromSeconds(2));
        queue.Lease(1, TimeSpan.FromSeconds(1)).ShouldHaveSingleItem().DequeueCount.ShouldBe(2);
        clock.Advance(TimeSpan.FromSeconds(2));
        queue.Lease(1, TimeSpan.FromSeconds(1)).ShouldBeEmpty();

        queue.GetStatus().PoisonList.Single().Reason.ShouldBe(QueueMessages.LeaseExpired(2));
    }

    [Fact]
    public void Abandon_returns_leases_without_charging_an_attempt()
    {
        using var queue = Open();
        queue.EnqueueMany(Some.Candidates(2));
        var leased = queue.Lease(2, LeaseTime);

        queue.Abandon(leased).ShouldBe(2);

        queue.Lease(2, LeaseTime).ShouldAllBe(m => m.DequeueCount == 1);
    }

    [Fact]
    public void Reopening_returns_the_previous_run_s_leases_at_once_without_charging()
    {
        using (var crashed = Open())
        {
            crashed.EnqueueMany(Some.Candidates(5));
            crashed.Lease(3, TimeSpan.FromHours(1)).Count.ShouldBe(3);
        }

        using var next = Open();

        next.RecoveredLeases.ShouldBe(3);
        var leased = next.Lease(10, LeaseTime);
        leased.Count.ShouldBe(5);
        leased.ShouldAllBe(m => m.DequeueCount == 1);
    }

    [Fact]
    public void Every_message_ends_done_or_poison()
    {
        var random = new Random(12345);
        using var queue = Open(maxDequeueCount: 3);
        queue.EnqueueMany(Some.Candidates(500));

        for (var round = 0; round < 100; round++)
        {
            foreach (var lease in queue.Lease(random.Next(1, 40), TimeSpan.FromSeconds(5)))
            {
                switch (random.Next(4))
                {
                    case 0:
                        queue.Complete([new Completion(lease, "inv", [])]);
                        break;
                    case 1:
                        queue.Fail(lease, "failed", TimeSpan.FromSeconds(random.Next(3)));
                        break;
                    case 2:
                        break; // the lease is left to expire, as after a lost worker
                    default:
                        queue.Abandon([lease]);
                        break;
                }
            }

            clock.Advance(TimeSpan.FromSeconds(2));
        }

        for (var drain = 0; drain < 100 && queue.GetStatus() is { Queued: > 0 } or { Leased: > 0 }; drain++)
        {
            queue.Complete(queue.Lease(32, TimeSpan.FromSeconds(5)).Select(l => new Completion(l, "inv", [])).ToList());
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var status = queue.GetStatus();
        (status.Done + status.Poison).ShouldBe(500);
        status.Receipts.ShouldBe(status.Done);
    }

    [Fact]
    public void Status_of_a_missing_queue_is_a_clear_error()
    {
        var error = Should.Throw<QueueNotFoundException>(() => BlobQueue.ReadStatus(path));

        error.Message.ShouldBe(QueueMessages.NoQueue(path));
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Status_can_be_read_while_the_host_has_the_queue_open()
    {
        using var queue = Open();
        queue.EnqueueMany(Some.Candidates(7));
        queue.Lease(2, LeaseTime);

        var status = BlobQueue.ReadStatus(path);

        (status.Queued, status.Leased, status.Total).ShouldBe((5L, 2L, 7L));
        queue.Lease(10, LeaseTime).Count.ShouldBe(5);
    }

    private BlobQueue Open(int maxDequeueCount = 5) => BlobQueue.Open(path, new BlobQueueOptions(maxDequeueCount), clock);
}
