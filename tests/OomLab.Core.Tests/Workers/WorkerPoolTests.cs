using System.Security.Cryptography;
using OomLab.Memory;
using OomLab.Telemetry;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

/// <summary>Real worker processes started from the built <c>oomlab</c> executable.</summary>
public sealed class WorkerPoolTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly CollectingSink sink = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Streaming_function_succeeds_and_writes_a_copy_and_a_result()
    {
        var input = Some.Blob(dir.Path, "orders.csv", 3 * Some.MiB + 17);
        await using var pool = new WorkerPool(Pools.Options("BlobStreamProcessor", MemoryCeiling.Custom(512 * Some.MiB)), sink, TimeProvider.System);
        await pool.StartAsync();

        var request = Pools.Request(dir, input);
        var outcome = await pool.InvokeAsync(request);

        var succeeded = outcome.ShouldBeOfType<InvocationSucceeded>();
        succeeded.WorkerId.ShouldBe("worker-1");
        succeeded.Outputs.ShouldBe(["orders.csv", "orders.csv.result.json"]);
        File.ReadAllBytes(Path.Combine(request.OutputDirectory, "orders.csv")).ShouldBe(File.ReadAllBytes(input));
        var result = File.ReadAllText(Path.Combine(request.OutputDirectory, "orders.csv.result.json"));
        result.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(input))));
        sink.Traces.ShouldContain(t => t.Message == WorkerTraces.Started && t.SeverityLevel == SeverityLevel.Information);
        sink.Items.OfType<DependencyTelemetry>().ShouldContain(d =>
            d.Type == "Azure blob" && d.Name == "GET orders.csv" && d.OperationId == request.InvocationId
            && d.Properties!["ContentLengthBytes"] == (3 * Some.MiB + 17).ToString(System.Globalization.CultureInfo.InvariantCulture));
        sink.Items.OfType<FunctionAppLogTelemetry>().ShouldContain(l => l.FunctionInvocationId == request.InvocationId && l.FunctionName == "BlobStreamProcessor");
    }

    [Fact]
    public async Task Buffering_under_a_small_ceiling_gets_the_worker_killed_with_exit_137_and_restarted()
    {
        // No GC heap limit: the only way to die here is the host's kill over the ceiling.
        var options = Pools.Options("BlobBufferProcessor", MemoryCeiling.Custom(160 * Some.MiB)) with { GcHeapHardLimitFraction = 0 };
        var input = Some.Blob(dir.Path, "big.bin", 31 * Some.MiB);
        await using var pool = new WorkerPool(options, sink, TimeProvider.System);
        await pool.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => pool.InvokeAsync(Pools.Request(dir, input))));

        var lost = outcomes.OfType<InvocationWorkerLost>().ToList();
        lost.ShouldNotBeEmpty();
        var exit = lost[0].Exit;
        exit.Status.ExitCode.ShouldBe(137);
        exit.Status.Signal.ShouldBe(9);
        exit.KilledOverCeiling.ShouldBeTrue();
        exit.LastReading.ShouldNotBeNull().PrivateBytes.ShouldBeGreaterThan(0);
        exit.InstancePrivateBytes.ShouldBeGreaterThan(options.Ceiling.Bytes);
        exit.Ceiling.ShouldBe(options.Ceiling);
        exit.InFlight.ShouldContain(lost[0].InvocationId);

        // The slot comes back: a small blob succeeds on the restarted worker.
        var small = Some.Blob(dir.Path, "small.bin", 1024);
        (await pool.InvokeAsync(Pools.Request(dir, small))).ShouldBeOfType<InvocationSucceeded>();

        var traces = sink.Traces;
        var exited = traces.First(t => t.Message == "Worker process exited with code 137");
        exited.SeverityLevel.ShouldBe(SeverityLevel.Error);
        exited.Properties!["KilledOverCeiling"].ShouldBe("true");
        exited.Properties["InFlightInvocations"].ShouldContain(lost[0].InvocationId);
        traces.ShouldContain(t => t.Message == "Restarting worker process after unexpected exit" && t.SeverityLevel == SeverityLevel.Warning);
        traces.Count(t => t.Message == "Worker process started" && t.SeverityLevel == SeverityLevel.Information).ShouldBeGreaterThanOrEqualTo(2);
        sink.Items.OfType<PerformanceCounterTelemetry>().ShouldContain(c =>
            c.Category == "Process" && c.Counter == "Private Bytes" && c.Instance == "_Total" && c.Value > options.Ceiling.Bytes);
    }

    [Fact]
    public async Task Streaming_under_the_same_load_neither_dies_nor_fails()
    {
        var options = Pools.Options("BlobStreamProcessor", MemoryCeiling.Custom(160 * Some.MiB)) with { GcHeapHardLimitFraction = 0 };
        var input = Some.Blob(dir.Path, "big.bin", 31 * Some.MiB);
        await using var pool = new WorkerPool(options, sink, TimeProvider.System);
        await pool.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => pool.InvokeAsync(Pools.Request(dir, input))));

        outcomes.ShouldAllBe(o => o is InvocationSucceeded);
        sink.Traces.ShouldNotContain(t => t.Message.StartsWith("Worker process exited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_of_memory_inside_the_worker_fails_the_invocation_and_the_worker_lives_on()
    {
        // A roomy ceiling with a tight GC heap: the buffer cannot be allocated, nothing gets killed.
        var ceiling = MemoryCeiling.Custom(1024 * Some.MiB);
        var options = Pools.Options("BlobBufferProcessor", ceiling) with { GcHeapHardLimitFraction = 48.0 / 1024 };
        var input = Some.Blob(dir.Path, "huge.bin", 64 * Some.MiB);
        await using var pool = new WorkerPool(options, sink, TimeProvider.System);
        await pool.StartAsync();

        var failed = (await pool.InvokeAsync(Pools.Request(dir, input))).ShouldBeOfType<InvocationFailed>();

        failed.ExceptionType.ShouldBe("System.OutOfMemoryException");
        failed.IsOutOfMemory.ShouldBeTrue();
        failed.Message.ShouldNotBeNullOrWhiteSpace();
        failed.Details.ShouldContain("BlobBufferProcessor");
        var small = Some.Blob(dir.Path, "small.bin", 4096);
        (await pool.InvokeAsync(Pools.Request(dir, small))).ShouldBeOfType<InvocationSucceeded>().WorkerId.ShouldBe(failed.WorkerId);
        sink.Traces.ShouldNotContain(t => t.Message.StartsWith("Worker process exited", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NoSuchFunction", null, "function 'NoSuchFunction' not found in")]
    [InlineData("BlobStreamProcessor", "/nonexistent/Functions.dll", "functions assembly not found: /nonexistent/Functions.dll")]
    public async Task A_worker_that_cannot_load_its_function_fails_the_start_with_its_error(string function, string? assembly, string expected)
    {
        await using var pool = new WorkerPool(Pools.Options(function, MemoryCeiling.Custom(512 * Some.MiB), assembly), sink, TimeProvider.System);

        var error = await Should.ThrowAsync<WorkerStartException>(() => pool.StartAsync());

        error.Message.ShouldContain(expected);
        error.Message.ShouldStartWith("worker worker-1 exited with code 2 before it was ready");
        error.WorkerExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_ceiling_below_an_idle_worker_is_refused()
    {
        await using var pool = new WorkerPool(Pools.Options("BlobStreamProcessor", MemoryCeiling.Custom(64 * 1024)) with { GcHeapHardLimitFraction = 0 }, sink, TimeProvider.System);

        var error = await Should.ThrowAsync<CeilingTooSmallException>(() => pool.StartAsync());

        error.IdlePrivateBytes.ShouldBeGreaterThan(error.CeilingBytes);
        error.Message.ShouldBe(WorkerErrors.CeilingBelowIdleWorkers(pool.Options.Ceiling, 1, error.IdlePrivateBytes));
    }

    [Fact]
    public async Task Invocations_spread_over_workers_by_fewest_in_flight()
    {
        var options = Pools.Options("BlobStreamProcessor", MemoryCeiling.Custom(1024 * Some.MiB)) with { WorkerCount = 2 };
        var input = Some.Blob(dir.Path, "a.bin", 8 * Some.MiB);
        await using var pool = new WorkerPool(options, sink, TimeProvider.System);
        await pool.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pool.InvokeAsync(Pools.Request(dir, input))));

        outcomes.Select(o => o.WorkerId).Distinct().Order().ShouldBe(["worker-1", "worker-2"]);
    }
}
