using System.Globalization;

namespace OomLab.Report;

/// <summary>
/// One chart as inline SVG over the shared <see cref="TimeAxis"/>: bands, rules, lines (downsampled to the
/// plot's width), bars, lifecycle markers in lanes above the plot, phase boundaries, axes with labels and
/// units. Colours come from the page's CSS classes, so light, dark and print modes restyle it.
/// </summary>
internal sealed partial class SvgChart(string id, string title, string yLabel, TimeAxis axis, ValueAxis values)
{
    public const double PlotTop = 12;

    public const double MarkerLane = 13;

    public List<ChartLine> Lines { get; } = [];

    public List<ChartBar> Bars { get; } = [];

    public TimeSpan BarWidth { get; init; } = TimeSpan.FromMinutes(1);

    public List<ChartBand> Bands { get; } = [];

    public List<ChartRule> Rules { get; } = [];

    public List<LifecycleMarker> Markers { get; } = [];

    public IReadOnlyList<PhaseSpan> Phases { get; init; } = [];

    public DateTimeOffset? Remediation { get; init; }

    /// <summary>Top of the plot: below the marker lanes when the chart has markers.</summary>
    public static double TopFor(bool markers) => markers ? PlotTop + (3 * MarkerLane) + 6 : PlotTop;

    public void Write(HtmlWriter html)
    {
        var height = values.Top + values.Height + 44;
        using (html.Open("svg",
            ("id", id), ("class", "chart"), ("viewBox", $"0 0 {ChartLayout.Width.ToString(CultureInfo.InvariantCulture)} {HtmlWriter.Number(height)}"),
            ("role", "img"), ("aria-label", title), ("xmlns", "http://www.w3.org/2000/svg")))
        {
            html.Element("title", title);
            WritePhases(html);
            foreach (var band in Bands)
            {
                var top = values.Y(band.To);
                html.Empty("rect", ("class", $"band {band.Kind}"), ("data-band", band.Kind), ("x", axis.Left), ("y", top), ("width", axis.Width), ("height", values.Y(band.From) - top));
            }

            WriteGrid(html);
            WriteBars(html);
            foreach (var line in Lines)
            {
                WriteLine(html, line);
            }

            foreach (var rule in Rules)
            {
                var y = values.Y(rule.Value);
                using (html.Open("g", ("class", $"rule {rule.Kind}"), ("data-line", rule.Kind)))
                {
                    html.Empty("line", ("x1", axis.Left), ("x2", axis.Left + axis.Width), ("y1", y), ("y2", y));
                    html.Element("text", rule.Label, ("x", axis.Left + axis.Width - 4), ("y", y - 4), ("text-anchor", "end"));
                }
            }

            WriteMarkers(html);
            WriteAxes(html, height);
        }
    }

    private void WritePhases(HtmlWriter html)
    {
        foreach (var phase in Phases)
        {
            var x = axis.X(phase.Start);
            if (phase.Name.Equals("Incident", StringComparison.OrdinalIgnoreCase))
            {
                html.Empty("rect", ("class", "phase-incident"), ("x", x), ("y", values.Top), ("width", axis.X(phase.End) - x), ("height", values.Height));
            }

            if (phase.Start > axis.Start)
            {
                html.Empty("line", ("class", "phase-line"), ("x1", x), ("x2", x), ("y1", values.Top), ("y2", values.Top + values.Height));
            }
        }

        if (Remediation is { } remediation)
        {
            var x = axis.X(remediation);
            html.Empty("line", ("class", "remediation"), ("x1", x), ("x2", x), ("y1", PlotTop), ("y2", values.Top + values.Height));
        }
    }

    private void WriteGrid(HtmlWriter html)
    {
        using (html.Open("g", ("class", "grid")))
        {
            foreach (var tick in values.Ticks)
            {
                var y = values.Y(tick);
                html.Empty("line", ("x1", axis.Left), ("x2", axis.Left + axis.Width), ("y1", y), ("y2", y));
            }
        }
    }

    private void WriteBars(HtmlWriter html)
    {
        if (Bars.Count == 0)
        {
            return;
        }

        using (html.Open("g", ("class", "bars c0"), ("data-series", yLabel)))
        {
            var baseline = values.Y(values.Min);
            foreach (var bar in Bars)
            {
                var x = axis.X(bar.Start);
                var width = Math.Max(1, axis.X(bar.Start + BarWidth) - x - 1);
                var y = values.Y(bar.Value);
                using (html.Open("rect", ("x", x), ("y", y), ("width", width), ("height", Math.Max(0, baseline - y))))
                {
                    html.Element("title", bar.Label);
                }
            }
        }
    }

    private void WriteLine(HtmlWriter html, ChartLine line)
    {
        var data = new System.Text.StringBuilder();
        foreach (var segment in Downsampler.SplitAtGaps(line.Points, line.MaxGapSeconds))
        {
            var command = 'M';
            foreach (var point in Downsampler.MinMax(segment, axis.StartSeconds, axis.EndSeconds, ChartLayout.Columns))
            {
                data.Append(command).Append(HtmlWriter.Number(axis.X(point.X))).Append(' ').Append(HtmlWriter.Number(values.Y(point.Y)));
                command = 'L';
            }
        }

        using (html.Open("path", ("class", line.Emphasis ? "line total" : $"line c{line.Color % 8}"), ("data-series", line.Name), ("d", data.ToString())))
        {
            html.Element("title", line.Name);
        }
    }

    private void WriteAxes(HtmlWriter html, double height)
    {
        var bottom = values.Top + values.Height;
        using (html.Open("g", ("class", "axis")))
        {
            html.Empty("line", ("x1", axis.Left), ("x2", axis.Left + axis.Width), ("y1", bottom), ("y2", bottom));
            html.Empty("line", ("x1", axis.Left), ("x2", axis.Left), ("y1", values.Top), ("y2", bottom));
            foreach (var tick in axis.Ticks())
            {
                var x = axis.X(tick.Time);
                html.Empty("line", ("x1", x), ("x2", x), ("y1", bottom), ("y2", bottom + 4));
                html.Element("text", tick.Label, ("x", x), ("y", bottom + 16), ("text-anchor", "middle"));
            }

            foreach (var tick in values.Ticks)
            {
                html.Element("text", tick.ToString("0.##", CultureInfo.InvariantCulture), ("x", axis.Left - 6), ("y", values.Y(tick) + 4), ("text-anchor", "end"));
            }

            html.Element("text", "time (UTC)", ("class", "label"), ("x", axis.Left + (axis.Width / 2)), ("y", height - 6), ("text-anchor", "middle"));
            var middle = values.Top + (values.Height / 2);
            html.Element("text", yLabel, ("class", "label"), ("x", 14), ("y", middle), ("text-anchor", "middle"),
                ("transform", $"rotate(-90 14 {HtmlWriter.Number(middle)})"));
        }
    }
}
