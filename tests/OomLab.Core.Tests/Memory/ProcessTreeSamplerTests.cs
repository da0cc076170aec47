using System.Diagnostics;
using OomLab.Memory;

namespace OomLab.Core.Tests.Memory;

/// <summary>A worker's memory is its whole process tree's: real processes, read from /proc.</summary>
public sealed class ProcessTreeSamplerTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task Memory_held_by_a_grandchild_of_the_worker_is_counted_in_its_Private_Bytes()
    {
        // A launcher shell whose child shell starts the process that holds the memory: two levels below the worker.
        var info = new ProcessStartInfo("/bin/bash")
        {
            ArgumentList = { "-c", "bash -c 'python3 -c \"x = bytearray(96 << 20); import time; time.sleep(60)\" & wait' & wait" },
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        try
        {
            var tree = new ProcessTreeSampler(process.Id);
            var lone = new ProcessMemorySampler(process.Id);
            long treeBytes = 0, loneBytes = 0;
            for (var attempt = 0; attempt < 200 && treeBytes < 96 * MiB; attempt++)
            {
                await Task.Delay(50);
                tree.TrySample(out treeBytes, out _).ShouldBeTrue();
                lone.TrySample(out loneBytes, out _).ShouldBeTrue();
            }

            treeBytes.ShouldBeGreaterThanOrEqualTo(96 * MiB);
            loneBytes.ShouldBeLessThan(16 * MiB);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public void A_process_that_is_gone_cannot_be_sampled()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        process.WaitForExit();
        var id = process.Id;
        process.Dispose();

        new ProcessTreeSampler(id).TrySample(out _, out _).ShouldBeFalse();
    }
}
