namespace OomLab.Report;

/// <summary>
/// Bounds the points of a line whatever the run's length: per pixel column it keeps the first, lowest,
/// highest and last point (M4), which draws the same polyline as all the points at that width.
/// </summary>
internal static class Downsampler
{
    /// <summary>
    /// Returns at most 4 x <paramref name="columns"/> points of <paramref name="points"/> (ordered by X), in order.
    /// Points outside [<paramref name="xStart"/>, <paramref name="xEnd"/>] fall into the first or last column.
    /// </summary>
    public static IReadOnlyList<ChartPoint> MinMax(IReadOnlyList<ChartPoint> points, double xStart, double xEnd, int columns)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (points.Count <= 4 * columns || !(xEnd > xStart))
        {
            return points.Count <= 4 * columns ? [.. points] : [points[0], points[^1]];
        }

        var kept = new List<ChartPoint>(4 * columns);
        var scale = columns / (xEnd - xStart);
        var start = 0;
        while (start < points.Count)
        {
            var column = Column(points[start].X);
            int end = start, min = start, max = start;
            while (end + 1 < points.Count && Column(points[end + 1].X) == column)
            {
                end++;
                if (points[end].Y < points[min].Y)
                {
                    min = end;
                }

                if (points[end].Y > points[max].Y)
                {
                    max = end;
                }
            }

            kept.Add(points[start]);
            foreach (var index in new[] { Math.Min(min, max), Math.Max(min, max), end })
            {
                if (index > start && (kept.Count == 0 || !kept[^1].Equals(points[index])))
                {
                    kept.Add(points[index]);
                }
            }

            start = end + 1;
        }

        return kept;

        int Column(double x) => Math.Clamp((int)Math.Floor((x - xStart) * scale), 0, columns - 1);
    }

    /// <summary>Splits a line where consecutive points are more than <paramref name="maxGap"/> apart (a worker that was not running).</summary>
    public static IReadOnlyList<IReadOnlyList<ChartPoint>> SplitAtGaps(IReadOnlyList<ChartPoint> points, double maxGap)
    {
        ArgumentNullException.ThrowIfNull(points);
        var segments = new List<IReadOnlyList<ChartPoint>>();
        var current = new List<ChartPoint>();
        foreach (var point in points)
        {
            if (current.Count > 0 && point.X - current[^1].X > maxGap)
            {
                segments.Add(current);
                current = [];
            }

            current.Add(point);
        }

        if (current.Count > 0)
        {
            segments.Add(current);
        }

        return segments;
    }
}
