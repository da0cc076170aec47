using System.Globalization;
using OomLab.Lab;

namespace OomLab.Report;

internal static partial class ReportRenderer
{
    private static void WriteCharts(HtmlWriter html, ReportModel model)
    {
        using (html.Open("section", ("id", "timeline")))
        {
            html.Element("h2", "Timeline and charts");
            if (model.TimeRange() is not { } range)
            {
                html.Element("p", "No data: this bundle has no telemetry and no phases.", ("class", "no-data"));
                return;
            }

            var axis = ChartLayout.Axis(range.Start, range.End);
            WritePhaseStrip(html, model, axis);
            WriteMemoryChart(html, model, axis);
            WriteAdmissionChart(html, model, axis);
            WriteBinChart(html, model, axis, "requests-p95", "Request duration, 95th percentile per bin", "p95 (ms)",
                [.. model.Requests.Select(b => new ChartBar(b.Start, b.P95Ms, Describe(b.Start, $"p95 {b.P95Ms:0} ms over {b.Total} requests")))], null);
            WriteBinChart(html, model, axis, "requests-failures", "Request failure rate per bin", "failed (%)",
                [.. model.Requests.Select(b => new ChartBar(b.Start, b.FailureRatePercent, Describe(b.Start, $"{b.Failures} of {b.Total} requests failed ({b.FailureRatePercent:0.#} %)")))], 100);
            WriteBinChart(html, model, axis, "dependency-failures", "Dependency failures per bin", "failed calls",
                [.. model.Dependencies.Select(b => new ChartBar(b.Start, b.Failures, Describe(b.Start, $"{b.Failures} of {b.Total} dependency calls failed")))], null);
        }
    }

    private static string Describe(DateTimeOffset start, FormattableString text) =>
        start.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + ": " + text.ToString(CultureInfo.InvariantCulture);

    private static void WritePhaseStrip(HtmlWriter html, ReportModel model, TimeAxis axis)
    {
        if (model.Phases.Count == 0)
        {
            return;
        }

        using (html.Open("figure", ("class", "phases")))
        {
            html.Element("figcaption", "Phases");
            const double top = 16, height = 30;
            using (html.Open("svg", ("id", "phases"), ("class", "chart"), ("viewBox", $"0 0 {ChartLayout.Width.ToString(CultureInfo.InvariantCulture)} 72"),
                ("role", "img"), ("aria-label", "Phase timeline"), ("xmlns", "http://www.w3.org/2000/svg")))
            {
                html.Element("title", "Phase timeline");
                var index = 0;
                foreach (var phase in model.Phases)
                {
                    var x = axis.X(phase.Start);
                    var width = Math.Max(1, axis.X(phase.End) - x);
                    var kind = phase.Name.Equals("Incident", StringComparison.OrdinalIgnoreCase) ? "incident" : $"p{index++ % 2}";
                    using (html.Open("g", ("class", $"phase {kind}"), ("data-phase", phase.Name)))
                    {
                        using (html.Open("rect", ("x", x), ("y", top), ("width", width), ("height", height)))
                        {
                            html.Element("title", $"{phase.Name}: {Clock(phase.Start)}-{Clock(phase.End)}");
                        }

                        html.Element("text", phase.Name, ("x", x + (width / 2)), ("y", top + 13), ("text-anchor", "middle"));
                        html.Element("text", $"{Clock(phase.Start)}-{Clock(phase.End)}", ("class", "small"), ("x", x + (width / 2)), ("y", top + 25), ("text-anchor", "middle"));
                    }
                }

                if (model.Remediation is { } remediation)
                {
                    var x = axis.X(remediation);
                    using (html.Open("g", ("class", "phase remediation-mark"), ("data-phase", "Remediation")))
                    {
                        html.Empty("line", ("class", "remediation"), ("x1", x), ("x2", x), ("y1", 2), ("y2", top + height + 4));
                        html.Element("text", $"Remediation {Clock(remediation)}", ("x", x + 4), ("y", 11));
                    }
                }

                using (html.Open("g", ("class", "axis")))
                {
                    foreach (var tick in axis.Ticks())
                    {
                        html.Element("text", tick.Label, ("x", axis.X(tick.Time)), ("y", 66), ("text-anchor", "middle"));
                    }
                }
            }
        }
    }

    private static void WriteMemoryChart(HtmlWriter html, ReportModel model, TimeAxis axis)
    {
        using (html.Open("figure", ("class", "memory")))
        {
            html.Element("figcaption", "Memory: Private Bytes per worker and for the instance");
            if (model.Memory.Count == 0)
            {
                html.Element("p", "No data: no Private Bytes readings in performanceCounters.", ("class", "no-data"));
                return;
            }

            var peak = model.Memory.SelectMany(s => s.Points).Max(p => p.Value);
            var ceiling = model.CeilingBytes;
            var gib = Math.Max(peak, ceiling ?? 0) >= 2.0 * 1024 * 1024 * 1024;
            var unit = gib ? 1024.0 * 1024 * 1024 : 1024.0 * 1024;
            var unitName = gib ? "GiB" : "MiB";
            var top = SvgChart.TopFor(model.Markers.Count > 0);
            var values = new ValueAxis(0, Math.Max(peak, (ceiling ?? 0) * 1.05) / unit, top, 240);
            var chart = new SvgChart("memory", "Private Bytes over time", $"Private Bytes ({unitName})", axis, values)
            {
                Phases = model.Phases,
                Remediation = model.Remediation,
            };
            if (ceiling is { } c)
            {
                var mib = c / unit;
                chart.Bands.Add(new ChartBand(0, mib * MemoryBands.HealthyMax, "healthy", "healthy (up to 20 % of the ceiling)"));
                chart.Bands.Add(new ChartBand(mib * MemoryBands.DegradedMin, mib * MemoryBands.DegradedMax, "degraded", "degraded (34-57 %)"));
                chart.Bands.Add(new ChartBand(mib * MemoryBands.CriticalMin, mib, "critical", "critical (71 % and above)"));
                chart.Rules.Add(new ChartRule(mib, "ceiling", string.Create(CultureInfo.InvariantCulture, $"ceiling {mib:0.#} {unitName}")));
            }

            // The total first, so that each worker's thinner line stays visible on top of it (with one worker they coincide).
            var colour = 0;
            foreach (var series in model.Memory.OrderByDescending(s => s.IsTotal))
            {
                var points = series.Points.Select(p => new ChartPoint(p.Time.ToUnixTimeMilliseconds() / 1000.0, p.Value / unit)).ToList();
                chart.Lines.Add(new ChartLine(series.Name, series.IsTotal ? 0 : colour++, points, series.IsTotal, MaxGap(points)));
            }

            chart.Markers.AddRange(model.Markers);
            chart.Write(html);
            WriteLegend(html, chart, model);
        }
    }

    /// <summary>Admission's prediction against the measured peak of each invocation it admitted, when it was on.</summary>
    private static void WriteAdmissionChart(HtmlWriter html, ReportModel model, TimeAxis axis)
    {
        if (model.AdmissionPeaks.Count == 0)
        {
            return;
        }

        using (html.Open("figure", ("class", "admission")))
        {
            html.Element("figcaption", "Admission: predicted against measured peak per invocation");
            const double unit = 1024.0 * 1024;
            var peak = model.AdmissionPeaks.Max(p => Math.Max(p.PredictedBytes, p.MeasuredBytes));
            var values = new ValueAxis(0, Math.Max(peak, (model.CeilingBytes ?? 0) * 1.05) / unit, SvgChart.TopFor(false), 240);
            var chart = new SvgChart("admission", "Predicted and measured peak per invocation", "peak per invocation (MiB)", axis, values)
            {
                Phases = model.Phases,
                Remediation = model.Remediation,
            };
            if (model.CeilingBytes is { } ceiling)
            {
                chart.Rules.Add(new ChartRule(ceiling / unit, "ceiling", string.Create(CultureInfo.InvariantCulture, $"ceiling {ceiling / unit:0.#} MiB")));
            }

            ChartPoint Point(AdmissionPeak p, double bytes) => new(p.Time.ToUnixTimeMilliseconds() / 1000.0, bytes / unit);
            var predicted = model.AdmissionPeaks.Select(p => Point(p, p.PredictedBytes)).ToList();
            var measured = model.AdmissionPeaks.Select(p => Point(p, p.MeasuredBytes)).ToList();
            chart.Lines.Add(new ChartLine("predicted", 1, predicted, false, MaxGap(predicted)));
            chart.Lines.Add(new ChartLine("measured", 2, measured, false, MaxGap(measured)));
            chart.Write(html);
            WriteLegend(html, chart, model);
            var under = model.AdmissionPeaks.Count(p => p.PredictedBytes < p.MeasuredBytes);
            html.Element("p", string.Create(CultureInfo.InvariantCulture,
                $"{model.AdmissionPeaks.Count} measured invocations; predicted / measured median {Median(model.AdmissionPeaks.Select(p => p.PredictedBytes / p.MeasuredBytes)):0.00}; {under} under-predicted."),
                ("class", "admission-summary"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // A worker that was killed has no readings until its successor starts: a gap of several sampling intervals.
    private static double MaxGap(IReadOnlyList<ChartPoint> points)
    {
        if (points.Count < 3)
        {
            return double.MaxValue;
        }

        var gaps = new double[points.Count - 1];
        for (var i = 1; i < points.Count; i++)
        {
            gaps[i - 1] = points[i].X - points[i - 1].X;
        }

        Array.Sort(gaps);
        return Math.Max(gaps[gaps.Length / 2] * 5, 1e-3);
    }

    private static void WriteLegend(HtmlWriter html, SvgChart chart, ReportModel model)
    {
        using (html.Open("ul", ("class", "legend")))
        {
            foreach (var line in chart.Lines)
            {
                using (html.Open("li", ("data-legend", line.Name)))
                {
                    html.Element("span", string.Empty, ("class", line.Emphasis ? "swatch total" : $"swatch c{line.Color % 8}"));
                    html.Text(line.Emphasis ? $"{line.Name} (instance total)" : line.Name);
                }
            }

            foreach (var band in chart.Bands)
            {
                using (html.Open("li"))
                {
                    html.Element("span", string.Empty, ("class", $"swatch band {band.Kind}"));
                    html.Text(band.Label);
                }
            }

            foreach (var rule in chart.Rules)
            {
                using (html.Open("li"))
                {
                    html.Element("span", string.Empty, ("class", $"swatch rule {rule.Kind}"));
                    html.Text(rule.Label);
                }
            }

            foreach (var kind in new[] { MarkerKind.Killed, MarkerKind.Restarted, MarkerKind.OutOfMemory })
            {
                var count = model.Markers.Count(m => m.Kind == kind);
                using (html.Open("li", ("data-marker-count", SvgChart.MarkerName(kind)), ("data-count", count)))
                {
                    html.Element("span", string.Empty, ("class", $"swatch marker {SvgChart.MarkerName(kind)}"));
                    html.Text($"{SvgChart.MarkerTitle(kind)}: {count}");
                }
            }
        }
    }

    private static void WriteBinChart(HtmlWriter html, ReportModel model, TimeAxis axis, string id, string title, string yLabel, List<ChartBar> bars, double? max)
    {
        using (html.Open("figure", ("class", "bins")))
        {
            html.Element("figcaption", $"{title} ({Span(model.BinSize)} bins)");
            if (bars.Count == 0)
            {
                html.Element("p", "No data.", ("class", "no-data"));
                return;
            }

            var values = new ValueAxis(0, max ?? Math.Max(4, bars.Max(b => b.Value)), SvgChart.PlotTop, 110, 4);
            var chart = new SvgChart(id, title, yLabel, axis, values) { BarWidth = model.BinSize, Phases = model.Phases, Remediation = model.Remediation };
            chart.Bars.AddRange(bars);
            chart.Write(html);
        }
    }

    private static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} d"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
    };

    private static string Clock(DateTimeOffset time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
