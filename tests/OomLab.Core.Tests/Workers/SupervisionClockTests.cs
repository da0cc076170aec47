using Microsoft.Extensions.Time.Testing;
using OomLab.Memory;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

/// <summary>Every <see cref="WorkerPoolOptions"/> duration is real time, whatever the pool's (lab) clock does.</summary>
public sealed class SupervisionClockTests
{
    [Fact]
    public async Task The_failure_window_counts_in_real_time_under_a_fast_lab_clock()
    {
        // 100,000 lab seconds per real second: three exits a few milliseconds apart are hours apart on the lab clock,
        // yet they are well within a one-minute window of real time.
        var sink = new CollectingSink();
        await using var pool = new WorkerPool(FailingWorker() with { MaxFailures = 3, FailureWindow = TimeSpan.FromMinutes(1) }, sink, new global::OomLab.Lab.LabClock(LabClock.T0, 100_000));
        await Should.ThrowAsync<WorkerStartException>(() => pool.StartAsync());

        var lifecycle = await LifecycleAsync(sink, exits: 3);

        lifecycle[5].ShouldBe(WorkerTraces.GaveUp("worker-1", 3, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Restart_delays_run_in_real_time_when_the_lab_clock_stands_still()
    {
        var sink = new CollectingSink();
        await using var pool = new WorkerPool(FailingWorker(), sink, new FakeTimeProvider(LabClock.T0));
        await Should.ThrowAsync<WorkerStartException>(() => pool.StartAsync());

        var lifecycle = await LifecycleAsync(sink, exits: 3);

        lifecycle.Take(6).ShouldBe(
        [
            WorkerTraces.Exited(2), WorkerTraces.Restarting, WorkerTraces.Exited(2), WorkerTraces.Restarting, WorkerTraces.Exited(2), WorkerTraces.Restarting,
        ]);
    }

    /// <summary>A "worker" that exits with code 2 at once, restarted after 10 ms; a slot that gives up waits an hour.</summary>
    private static WorkerPoolOptions FailingWorker() =>
        new("/bin/sh", ["-c", "exit 2", "sh"], OomLabExecutable.SampleFunctions, "BlobStreamProcessor", MemoryCeiling.Custom(512 * Some.MiB))
        {
            RestartBackoffInitial = TimeSpan.FromMilliseconds(10),
            RestartBackoffMax = TimeSpan.FromMilliseconds(10),
            RecyclePause = TimeSpan.FromHours(1),
            MaxFailures = 10,
        };

    /// <summary>The lifecycle traces once <paramref name="exits"/> exits have been followed by what the slot did next.</summary>
    private static async Task<IReadOnlyList<string>> LifecycleAsync(CollectingSink sink, int exits)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (sink.Traces.Count < 2 * exits && !timeout.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        var lifecycle = sink.Traces.Select(t => t.Message).ToList();
        lifecycle.Count.ShouldBeGreaterThanOrEqualTo(2 * exits, $"the slot stopped restarting after: {string.Join(" | ", lifecycle)}");
        return lifecycle;
    }
}
