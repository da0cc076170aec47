using System.Globalization;

namespace OomLab.Report;

internal sealed partial class SvgChart
{
    /// <summary>How each kind of marker is named in the page (<c>data-marker</c>, CSS class) and drawn.</summary>
    public static string MarkerName(MarkerKind kind) => kind switch
    {
        MarkerKind.Killed => "kill",
        MarkerKind.Restarted => "restart",
        _ => "oom",
    };

    public static string LaneName(MarkerKind kind) => kind switch
    {
        MarkerKind.Killed => "killed",
        MarkerKind.Restarted => "restarted",
        _ => "OOM",
    };

    public static string MarkerTitle(MarkerKind kind) => kind switch
    {
        MarkerKind.Killed => "worker killed (exit 137)",
        MarkerKind.Restarted => "worker restarted",
        _ => "out of memory in the worker (OutOfMemoryException, MemoryError)",
    };

    // Each kind in its own lane above the plot, so that a burst of exceptions never hides a kill.
    private void WriteMarkers(HtmlWriter html)
    {
        if (Markers.Count == 0)
        {
            return;
        }

        var bottom = values.Top + values.Height;
        using (html.Open("g", ("class", "markers")))
        {
            foreach (var kind in new[] { MarkerKind.Killed, MarkerKind.Restarted, MarkerKind.OutOfMemory })
            {
                var lane = PlotTop + ((int)kind * MarkerLane) + (MarkerLane / 2);
                html.Element("text", LaneName(kind), ("class", "lane"), ("x", axis.Left - 6), ("y", lane + 3), ("text-anchor", "end"));
            }

            foreach (var marker in Markers)
            {
                var x = axis.X(marker.Time);
                var y = PlotTop + ((int)marker.Kind * MarkerLane) + (MarkerLane / 2);
                var name = MarkerName(marker.Kind);
                if (marker.Kind == MarkerKind.Killed)
                {
                    html.Empty("line", ("class", "kill-line"), ("x1", x), ("x2", x), ("y1", y), ("y2", bottom));
                }

                using (html.Open("path", ("class", $"marker {name}"), ("data-marker", name), ("d", Shape(marker.Kind, x, y))))
                {
                    html.Element("title", Tooltip(marker));
                }
            }
        }
    }

    private static string Tooltip(LifecycleMarker marker)
    {
        var parts = new[] { marker.Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), marker.Worker, marker.Text, marker.Detail };
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    private static string Shape(MarkerKind kind, double x, double y)
    {
        string P(double dx, double dy) => $"{HtmlWriter.Number(x + dx)} {HtmlWriter.Number(y + dy)}";
        return kind switch
        {
            // A cross for a kill, a circle for a restart, a diamond for an exception.
            MarkerKind.Killed => $"M{P(-4, -4)}L{P(4, 4)}M{P(-4, 4)}L{P(4, -4)}",
            MarkerKind.Restarted => $"M{P(-4, 0)}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z",
            _ => $"M{P(0, -4.5)}L{P(4.5, 0)}L{P(0, 4.5)}L{P(-4.5, 0)}Z",
        };
    }
}
