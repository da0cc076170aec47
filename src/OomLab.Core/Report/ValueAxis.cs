namespace OomLab.Report;

/// <summary>A chart's y axis: from 0 (or a given minimum) to a round maximum, with round ticks (1, 2, 2.5, 5 x 10^n).</summary>
internal sealed class ValueAxis
{
    /// <param name="min">The lowest value drawn.</param>
    /// <param name="max">The highest value to fit; the axis ends at the next tick at or above it.</param>
    /// <param name="top">Y of the axis's top, in SVG units.</param>
    /// <param name="height">Height of the plot, in SVG units; positive.</param>
    /// <param name="maxTicks">At most this many ticks; default 6.</param>
    public ValueAxis(double min, double max, double top, double height, int maxTicks = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(height, 0);
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            max = min + 1;
        }

        Ticks = NiceTicks(min, max, maxTicks);
        Min = Ticks[0];
        Max = Ticks[^1];
        Top = top;
        Height = height;
    }

    public double Min { get; }

    public double Max { get; }

    public double Top { get; }

    public double Height { get; }

    /// <summary>Round values from the axis's minimum to its maximum, inclusive.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>The y of <paramref name="value"/>, clamped to the plot.</summary>
    public double Y(double value) => Top + (Height * (1 - Math.Clamp((value - Min) / (Max - Min), 0, 1)));

    /// <summary>The smallest step of 1, 2, 2.5 or 5 x 10^n that covers [<paramref name="min"/>, <paramref name="max"/>] in at most <paramref name="maxTicks"/> intervals.</summary>
    public static double NiceStep(double min, double max, int maxTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 1);
        var raw = (max - min) / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            var step = factor * magnitude;
            if ((Math.Ceiling((max / step) - 1e-9) - Math.Floor((min / step) + 1e-9)) <= maxTicks)
            {
                return step;
            }
        }

        return 20 * magnitude;
    }

    /// <summary>Ticks at multiples of <see cref="NiceStep"/> from at or below <paramref name="min"/> to at or above <paramref name="max"/>.</summary>
    public static IReadOnlyList<double> NiceTicks(double min, double max, int maxTicks)
    {
        var step = NiceStep(min, max, maxTicks);
        var first = Math.Floor((min / step) + 1e-9);
        var last = Math.Ceiling((max / step) - 1e-9);
        var ticks = new List<double>();
        for (var i = first; i <= last; i++)
        {
            ticks.Add(Math.Round(i * step, 10));
        }

        return ticks;
    }
}
