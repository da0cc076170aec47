using OomLab.Memory;
using OomLab.Telemetry;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

public sealed class WorkerSupervisionTests
{
    [Fact]
    public async Task A_slot_that_keeps_failing_gives_up_and_recycles_with_lab_clock_timestamps()
    {
        var sink = new CollectingSink();
        var options = Pools.Options("NoSuchFunction", MemoryCeiling.Custom(512 * Some.MiB)) with
        {
            MaxFailures = 3,
            FailureWindow = TimeSpan.FromMinutes(5),
            RecyclePause = TimeSpan.FromHours(1),
            RestartBackoffInitial = TimeSpan.FromMilliseconds(10),
        };
        await using var pool = new WorkerPool(options, sink, new LabClock());
        await Should.ThrowAsync<WorkerStartException>(() => pool.StartAsync());

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!sink.Traces.Any(t => t.Message.Contains("giving up", StringComparison.Ordinal)))
        {
            await Task.Delay(50, timeout.Token);
        }

        var lifecycle = sink.Traces.Select(t => t.Message).ToList();
        lifecycle.ShouldBe(
        [
            "Worker process exited with code 2", WorkerTraces.Restarting,
            "Worker process exited with code 2", WorkerTraces.Restarting,
            "Worker process exited with code 2", WorkerTraces.GaveUp("worker-1", 3, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)),
        ]);
        sink.Traces.ShouldAllBe(t => t.Timestamp >= LabClock.T0 && t.Timestamp < LabClock.T0.AddMinutes(10));
        sink.Traces.Last().SeverityLevel.ShouldBe(SeverityLevel.Warning);
    }

    [Fact]
    public async Task A_worker_command_that_cannot_run_fails_the_start_with_a_clear_error()
    {
        var options = new WorkerPoolOptions("/no/such/oomlab", [], OomLabExecutable.SampleFunctions, "BlobStreamProcessor", MemoryCeiling.Custom(512 * Some.MiB));
        await using var pool = new WorkerPool(options, new CollectingSink(), TimeProvider.System);

        var error = await Should.ThrowAsync<WorkerStartException>(() => pool.StartAsync());

        error.Message.ShouldStartWith("cannot start a worker process with '/no/such/oomlab': ");
    }

    [Fact]
    public async Task A_worker_that_writes_an_unreadable_message_is_stopped_and_the_start_fails_instead_of_hanging()
    {
        // The "worker" prints a JSON object that is no protocol message, then sleeps instead of saying Ready.
        const string script = @"printf '{""foo"":1}\n'; exec sleep 600";
        var options = new WorkerPoolOptions("/bin/sh", ["-c", script, "sh"], OomLabExecutable.SampleFunctions, "BlobStreamProcessor", MemoryCeiling.Custom(512 * Some.MiB))
        {
            StartTimeout = TimeSpan.FromSeconds(2),
            MaxFailures = 1,
            RecyclePause = TimeSpan.FromHours(1),
        };
        var pool = new WorkerPool(options, new CollectingSink(), TimeProvider.System);

        var start = pool.StartAsync();
        (await Task.WhenAny(start, Task.Delay(TimeSpan.FromMinutes(1)))).ShouldBe(start, "the start hung");
        await Should.ThrowAsync<WorkerStartException>(() => start);
        var disposal = pool.DisposeAsync().AsTask();
        (await Task.WhenAny(disposal, Task.Delay(TimeSpan.FromMinutes(1)))).ShouldBe(disposal, "disposing of the pool hung");
    }
}
