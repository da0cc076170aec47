using System.Globalization;

namespace OomLab.Report;

/// <summary>
/// The one time axis every chart and the phase strip share, so that they line up: maps a time in
/// [<see cref="Start"/>, <see cref="End"/>] to an x in [<see cref="Left"/>, <see cref="Left"/> + <see cref="Width"/>],
/// and picks round tick times (every 1, 2, 5, 10, 15, 30 s, minutes, hours) in UTC.
/// </summary>
internal sealed class TimeAxis
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    /// <param name="start">The axis's first instant.</param>
    /// <param name="end">The axis's last instant; at least one second after <paramref name="start"/> (widened if not).</param>
    /// <param name="left">X of <paramref name="start"/>, in SVG units.</param>
    /// <param name="width">Width of the plot, in SVG units; positive.</param>
    public TimeAxis(DateTimeOffset start, DateTimeOffset end, double left, double width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, 0);
        Start = start.ToUniversalTime();
        End = end - start < TimeSpan.FromSeconds(1) ? Start.AddSeconds(1) : end.ToUniversalTime();
        Left = left;
        Width = width;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public double Left { get; }

    public double Width { get; }

    public double StartSeconds => Start.ToUnixTimeMilliseconds() / 1000.0;

    public double EndSeconds => End.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>The x of <paramref name="time"/>, clamped to the plot.</summary>
    public double X(DateTimeOffset time) => X(time.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>The x of a time given in seconds since the Unix epoch, clamped to the plot.</summary>
    public double X(double unixSeconds) =>
        Left + (Width * Math.Clamp((unixSeconds - StartSeconds) / (EndSeconds - StartSeconds), 0, 1));

    /// <summary>The smallest round step that gives at most <paramref name="maxTicks"/> ticks over <paramref name="span"/>.</summary>
    public static TimeSpan TickStep(TimeSpan span, int maxTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 1);
        foreach (var step in Steps)
        {
            if (span.Ticks / step.Ticks < maxTicks)
            {
                return step;
            }
        }

        return TimeSpan.FromDays(Math.Ceiling(span.TotalDays / maxTicks));
    }

    /// <summary>Ticks at multiples of a round step (UTC), labelled <c>HH:mm</c>, <c>HH:mm:ss</c> below a minute, or with the date over a day.</summary>
    public IReadOnlyList<TimeTick> Ticks(int maxTicks = 10)
    {
        var step = TickStep(End - Start, maxTicks);
        var first = new DateTimeOffset((Start.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks, TimeSpan.Zero);
        var format = step < TimeSpan.FromMinutes(1) ? "HH:mm:ss" : End - Start > TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "HH:mm";
        var ticks = new List<TimeTick>();
        for (var time = first; time <= End; time += step)
        {
            ticks.Add(new TimeTick(time, time.ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }
}
