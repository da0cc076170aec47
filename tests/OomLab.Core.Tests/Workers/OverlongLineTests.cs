using OomLab.Memory;
using OomLab.Tests.Support;
using OomLab.Workers;
using Xunit.Abstractions;

namespace OomLab.Tests.Workers;

[Collection(MemoryMeasurementCollection.Name)]
public sealed class OverlongLineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_printing_1_GiB_without_a_newline_leaves_the_host_memory_flat_and_is_read_after_it()
    {
        // The "worker" prints 1 GiB of 'x' with no newline, then a proper Ready message, then waits.
        const string script =
            "head -c 1073741824 /dev/zero | tr '\\0' 'x'; " +
            "printf '\\n{\"type\":\"ready\",\"pid\":%s,\"function\":\"Flood\",\"privateBytes\":1,\"workingSet\":1,\"gcHeapHardLimit\":0}\\n' $$; " +
            "exec sleep 600";
        var options = new WorkerPoolOptions("/bin/sh", ["-c", script, "sh"], OomLabExecutable.SampleFunctions, "Flood", MemoryCeiling.Custom(4096 * Some.MiB))
        {
            StartTimeout = TimeSpan.FromMinutes(2),
            MaxFailures = 1,
            RecyclePause = TimeSpan.FromHours(1),
        };
        var sampler = new ProcessMemorySampler(Environment.ProcessId);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        sampler.TrySample(out var before, out _).ShouldBeTrue();
        var peak = before;
        using var done = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                if (sampler.TrySample(out var now, out _))
                {
                    peak = Math.Max(peak, now);
                }

                await Task.Delay(5, CancellationToken.None);
            }
        });

        await using var pool = new WorkerPool(options, new CollectingSink(), TimeProvider.System);
        await pool.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));
        await done.CancelAsync();
        await watching;

        output.WriteLine($"host Private Bytes: {before / Some.MiB} MiB before, {peak / Some.MiB} MiB at the peak, growth {(peak - before) / 1024} KiB");
        pool.ReadyCount.ShouldBe(1, "the Ready message after the long line was read");
        (peak - before).ShouldBeLessThan(64 * Some.MiB, $"Private Bytes went from {before} to {peak}");
    }
}
