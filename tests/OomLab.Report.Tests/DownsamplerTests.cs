namespace OomLab.Report.Tests;

public sealed class DownsamplerTests
{
    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(1, 100, 1)]
    [InlineData(400, 100, 400)]
    [InlineData(401, 100, 400)]
    [InlineData(100_000, 100, 400)]
    [InlineData(1_000_000, 864, 3456)]
    public void Point_count_is_bounded_by_four_per_column(int points, int columns, int atMost)
    {
        var line = Line(points, new Random(1));

        var kept = Downsampler.MinMax(line, 0, points, columns);

        kept.Count.ShouldBeLessThanOrEqualTo(atMost);
        if (points <= 4 * columns)
        {
            kept.ShouldBe(line);
        }
    }

    [Fact]
    public void Every_column_keeps_its_first_last_lowest_and_highest_point_in_order()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var count = random.Next(500, 20_000);
            var columns = random.Next(1, 120);
            var line = Line(count, random);

            var kept = Downsampler.MinMax(line, 0, count, columns);

            kept.Select(p => p.X).ShouldBe(kept.Select(p => p.X).Order(), "points stay in time order");
            foreach (var column in line.GroupBy(p => Column(p.X, columns, count)))
            {
                var inColumn = kept.Where(p => Column(p.X, columns, count) == column.Key).ToList();
                inColumn.ShouldContain(column.First());
                inColumn.ShouldContain(column.Last());
                inColumn.Min(p => p.Y).ShouldBe(column.Min(p => p.Y));
                inColumn.Max(p => p.Y).ShouldBe(column.Max(p => p.Y));
                inColumn.Count.ShouldBeLessThanOrEqualTo(4);
            }
        }
    }

    [Theory]
    [InlineData(new double[] { }, 5, new int[] { })]
    [InlineData(new double[] { 0, 1, 2, 3 }, 5, new[] { 4 })]
    [InlineData(new double[] { 0, 1, 2, 30, 31 }, 5, new[] { 3, 2 })]
    [InlineData(new double[] { 0, 10, 20 }, 5, new[] { 1, 1, 1 })]
    [InlineData(new double[] { 0, 5, 10 }, 5, new[] { 3 })]
    public void Lines_break_where_readings_stop(double[] xs, double maxGap, int[] segmentLengths)
    {
        var segments = Downsampler.SplitAtGaps([.. xs.Select(x => new ChartPoint(x, 1))], maxGap);

        segments.Select(s => s.Count).ShouldBe(segmentLengths);
    }

    // The same arithmetic as the downsampler, so that points on a column edge land in the same column.
    private static int Column(double x, int columns, int count) => Math.Clamp((int)Math.Floor(x * (columns / (double)count)), 0, columns - 1);

    private static List<ChartPoint> Line(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(i => new ChartPoint(i, random.NextDouble() * 100))];
}
