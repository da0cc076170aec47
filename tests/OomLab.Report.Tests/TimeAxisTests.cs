namespace OomLab.Report.Tests;

public sealed class TimeAxisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 10, 1)]
    [InlineData(100, 10, 15)]
    [InlineData(600, 10, 120)]
    [InlineData(540, 10, 60)]
    [InlineData(72 * 60, 10, 10 * 60)]
    [InlineData(72 * 60, 4, 30 * 60)]
    [InlineData(3 * 3600, 10, 30 * 60)]
    [InlineData(2 * 86400, 10, 6 * 3600)]
    [InlineData(60 * 86400, 10, 7 * 86400)]
    [InlineData(400 * 86400, 10, 40 * 86400)]
    public void Tick_step_is_the_smallest_round_step_that_fits(int spanSeconds, int maxTicks, int expectedSeconds) =>
        TimeAxis.TickStep(TimeSpan.FromSeconds(spanSeconds), maxTicks).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(0, 72 * 60, "01:30 01:40 01:50 02:00 02:10 02:20 02:30 02:40")]
    [InlineData(7, 62, "01:30:10 01:30:20 01:30:30 01:30:40 01:30:50 01:31:00")]
    [InlineData(0, 3 * 86400, "04-05 12:00 04-06 00:00 04-06 12:00 04-07 00:00 04-07 12:00 04-08 00:00")]
    public void Ticks_fall_on_round_utc_times_inside_the_axis(int fromSeconds, int toSeconds, string labels)
    {
        var axis = new TimeAxis(T0.AddSeconds(fromSeconds), T0.AddSeconds(toSeconds), 76, 864);

        var ticks = axis.Ticks(maxTicks: 10);

        string.Join(" ", ticks.Select(t => t.Label)).ShouldBe(labels);
        ticks.ShouldAllBe(t => t.Time >= axis.Start && t.Time <= axis.End);
    }

    [Theory]
    [InlineData(-60, 76)]
    [InlineData(0, 76)]
    [InlineData(1800, 508)]
    [InlineData(3600, 940)]
    [InlineData(7200, 940)]
    public void Times_map_linearly_onto_the_plot_and_clamp(int offsetSeconds, double expectedX) =>
        new TimeAxis(T0, T0.AddHours(1), 76, 864).X(T0.AddSeconds(offsetSeconds)).ShouldBe(expectedX, 1e-9);
}
