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
}
