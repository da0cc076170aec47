namespace OomLab.Report.Tests;

public sealed class ValueAxisTests
{
    [Theory]
    [InlineData(0, 235, 6, "0 50 100 150 200 250")]
    [InlineData(0, 100, 4, "0 25 50 75 100")]
    [InlineData(0, 1, 4, "0 0.25 0.5 0.75 1")]
    [InlineData(0, 4638, 4, "0 2000 4000 6000")]
    [InlineData(0, 7, 6, "0 2 4 6 8")]
    [InlineData(0, 3.71, 6, "0 1 2 3 4")]
    [InlineData(0, 3500, 6, "0 1000 2000 3000 4000")]
    [InlineData(10, 20, 5, "10 12 14 16 18 20")]
    public void Ticks_are_round_and_cover_the_range(double min, double max, int maxTicks, string expected) =>
        string.Join(" ", ValueAxis.NiceTicks(min, max, maxTicks).Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(expected);

    [Fact]
    public void Values_map_onto_the_plot_top_down_and_clamp()
    {
        var axis = new ValueAxis(0, 235, top: 20, height: 200);

        axis.Max.ShouldBe(250);
        axis.Y(0).ShouldBe(220);
        axis.Y(250).ShouldBe(20);
        axis.Y(125).ShouldBe(120);
        axis.Y(1000).ShouldBe(20);
        axis.Y(-5).ShouldBe(220);
    }

    [Fact]
    public void An_empty_range_still_gives_an_axis()
    {
        var axis = new ValueAxis(0, 0, 0, 100);

        axis.Ticks.Count.ShouldBeGreaterThan(1);
        axis.Max.ShouldBeGreaterThan(axis.Min);
    }
}
