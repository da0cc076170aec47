using OomLab.Hosting;
using OomLab.Lab;
using OomLab.Lab.Scenarios;
using OomLab.Telemetry;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Lab;

public sealed class LabMonitorTests
{
    private static readonly DateTimeOffset At = LabOptions.SeedT0;

    [Fact]
    public void Monitor_passes_readings_on_and_keeps_the_peak()
    {
        var store = new CollectingSink();
        var monitor = new LabMonitor(store, new RunCounters());
        Parallel.For(0, 1000, i => monitor.Emit(Reading(WorkerPool.TotalInstance, (i * 7919 % 1000) + 1)));
        monitor.PeakPrivateBytes.ShouldBe(1000);
        store.Items.Count.ShouldBe(1000);
    }

    [Fact]
    public void Live_display_scenario_tally_and_host_counters_read_the_same_counts()
    {
        // Given one run's counters fed by its telemetry over two deployments, and a host's dispatch.
        var counters = new RunCounters(segments: 2);
        var store = new CollectingSink();
        var monitor = new LabMonitor(store, counters);
        var tally = new ScenarioTally(counters);
        var host = new HostCounters(counters);
        TelemetryItem[] first =
        [
            Reading("worker-1", 90), Reading(WorkerPool.TotalInstance, 100), Reading(WorkerPool.TotalInstance, 250),
            Request(success: true), Request(success: false), OutOfMemory(),
            Trace(WorkerTraces.Exited(137)), Trace(WorkerTraces.Restarting), Trace(WorkerTraces.Exited(1)),
            Request(success: false), OutOfMemory(), Reading(WorkerPool.TotalInstance, 120),
        ];
        TelemetryItem[] second = [Reading(WorkerPool.TotalInstance, 80), Request(success: true), Reading(WorkerPool.TotalInstance, 60)];

        // When the telemetry passes through the monitor.
        counters.Enter(0);
        Array.ForEach(first, monitor.Emit);
        counters.Enter(1);
        Array.ForEach(second, monitor.Emit);

        // Then every view reports the same events, and the store got every item.
        store.Items.Count.ShouldBe(first.Length + second.Length);
        monitor.OutOfMemory.ShouldBe(2);
        tally.OutOfMemoryExceptions.ShouldBe(monitor.OutOfMemory);
        host.OutOfMemory.ShouldBe(monitor.OutOfMemory);
        monitor.Exits.ShouldBe(2);
        tally.Exits137.ShouldBe(1);
        monitor.Restarts.ShouldBe(1);
        tally.Requests.ShouldBe(4);
        tally.FailedRequests.ShouldBe(2);
        tally.Peaks.ShouldBe([250, 80]);
        monitor.PeakPrivateBytes.ShouldBe(tally.Peaks.Max());
        monitor.PrivateBytes[WorkerPool.TotalInstance].ShouldBe(60);
        monitor.PrivateBytes["worker-1"].ShouldBe(90);
        monitor.RecentEvents.Count.ShouldBe(3);

        // And a host's dispatch counts into the same set that the host's view reads.
        host.AddFailed(outOfMemory: true);
        host.OutOfMemory.ShouldBe(3);
        tally.OutOfMemoryExceptions.ShouldBe(3);
        counters.Failed.ShouldBe(1);
    }

    private static PerformanceCounterTelemetry Reading(string instance, long bytes) =>
        new(At, CounterNames.Category, CounterNames.PrivateBytes, instance, bytes);

    private static RequestTelemetry Request(bool success) =>
        new(At, Guid.NewGuid().ToString(), "BlobBufferProcessor", success, success ? "200" : "500", TimeSpan.FromMilliseconds(5), "op");

    private static ExceptionTelemetry OutOfMemory() =>
        new(At, typeof(OutOfMemoryException).FullName!, "Insufficient memory", string.Empty, SeverityLevel.Error, "op", "BlobBufferProcessor");

    private static TraceTelemetry Trace(string message) => new(At, message, SeverityLevel.Information);
}
