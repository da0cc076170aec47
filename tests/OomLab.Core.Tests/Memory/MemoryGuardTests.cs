using OomLab.Memory;

namespace OomLab.Tests.Memory;

public sealed class MemoryGuardTests
{
    [Theory]
    [InlineData(new long[] { 50, 60 }, 200, -1)]
    [InlineData(new long[] { 100, 100 }, 200, -1)]
    [InlineData(new long[] { 100, 101 }, 200, 1)]
    [InlineData(new long[] { 150, 60, 90 }, 200, 0)]
    [InlineData(new long[] { 0, 250 }, 200, 1)]
    [InlineData(new long[] { }, 200, -1)]
    public void The_largest_worker_goes_only_when_the_sum_exceeds_the_ceiling(long[] privateBytes, long ceiling, int expected)
    {
        MemoryGuard.SelectVictim(privateBytes, ceiling).ShouldBe(expected);
    }

    [Theory]
    [InlineData(137, false, 137, 9)]
    [InlineData(0, false, 0, null)]
    [InlineData(2, false, 2, null)]
    [InlineData(-1, true, 137, 9)]
    [InlineData(143, false, 143, 15)]
    public void Exit_status_maps_signal_deaths_to_128_plus_signal(int reported, bool killedByHost, int exitCode, int? signal)
    {
        ExitStatus.From(reported, killedByHost).ShouldBe(new ExitStatus(exitCode, signal));
    }
}
