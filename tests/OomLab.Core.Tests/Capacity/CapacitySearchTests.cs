using OomLab.Capacity;
using OomLab.Memory;

namespace OomLab.Tests.Capacity;

public sealed class CapacitySearchTests
{
    private const long MiB = 1024 * 1024;

    private static readonly MemoryCeiling Ceiling = MemoryCeiling.Custom(1000 * MiB);

    /// <summary>A function of 100 MiB per invocation over 50 MiB idle, killed over the ceiling.</summary>
    private static Task<CapacityTrial> Run(int concurrency, int inputs)
    {
        var inFlight = Math.Min(concurrency, inputs);
        var peak = (50 * MiB) + (inFlight * 100 * MiB);
        var killed = peak > Ceiling.Bytes;
        return Task.FromResult(new CapacityTrial(concurrency, inputs, killed ? inputs - 1 : inputs, killed ? 1 : 0, 0, peak, 50 * MiB, TimeSpan.Zero));
    }

    [Fact]
    public async Task It_doubles_then_narrows_and_has_always_run_one_step_above_the_answer()
    {
        var result = await CapacitySearch.FindAsync(Ceiling, 0.75, (long)(Ceiling.Bytes * 0.75), 16, (c, _) => Run(c, 16));

        result.Trials.Select(t => t.Concurrency).ShouldBe([1, 2, 4, 8, 6, 7]);
        result.Best.ShouldNotBeNull().Concurrency.ShouldBe(7, "50 + 7 x 100 = 750 MiB, the headroom");
        result.Above.ShouldNotBeNull().Concurrency.ShouldBe(8);
        result.Settings.Concurrency.ShouldBe(7);
        result.Settings.BatchSize.ShouldBe(5);
        result.Settings.NewBatchThreshold.ShouldBe(2);
        result.PerInvocationBytes.ShouldBe(100 * MiB);
        result.MarginBytes.ShouldBe(0);
    }

    [Fact]
    public async Task When_every_input_in_flight_fits_it_extrapolates_from_the_peak_per_invocation()
    {
        var result = await CapacitySearch.FindAsync(Ceiling, 0.75, (long)(Ceiling.Bytes * 0.75), 3, (c, _) => Run(c, 3));

        result.Trials.Select(t => t.Concurrency).ShouldBe([1, 2, 3]);
        result.Above.ShouldBeNull();
        result.Settings.Concurrency.ShouldBe(7, "(750 - 50) / 100");
    }

    [Fact]
    public async Task When_not_even_one_fits_it_says_so_and_keeps_the_least_settings()
    {
        var result = await CapacitySearch.FindAsync(Ceiling, 0.1, 100 * MiB, 4, (c, _) => Run(c, 4));

        result.Best.ShouldBeNull();
        result.Above.ShouldNotBeNull().Concurrency.ShouldBe(1);
        result.Settings.Concurrency.ShouldBe(1);
        result.MarginBytes.ShouldBeLessThan(0);
    }
}
