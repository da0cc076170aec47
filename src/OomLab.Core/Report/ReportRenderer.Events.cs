using System.Globalization;

namespace OomLab.Report;

internal static partial class ReportRenderer
{
    private static void WriteEvents(HtmlWriter html, ReportModel model, ReportOptions options)
    {
        if (model.Markers.Count == 0 && model.FailingBlobs.Count == 0)
        {
            return;
        }

        using (html.Open("section", ("id", "events")))
        {
            html.Element("h2", "Worker lifecycle and failures");
            if (model.Markers.Count > 0)
            {
                using (html.Open("details", ("class", "events")))
                {
                    html.Element("summary", $"{model.Markers.Count} kills, restarts and out-of-memory exceptions");
                    Table(html, "lifecycle", ["Time (UTC)", "Event", "Worker", "Record", "Detail"],
                        model.Markers.Take(options.MaxTableRows).Select(m => (IReadOnlyList<string>)
                        [
                            m.Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), SvgChart.MarkerTitle(m.Kind), m.Worker, m.Text, m.Detail,
                        ]));
                    More(html, model.Markers.Count, options.MaxTableRows);
                }
            }

            if (model.FailingBlobs.Count > 0)
            {
                using (html.Open("details", ("class", "events")))
                {
                    html.Element("summary", $"Blobs with failed invocations ({model.FailingBlobs.Count})");
                    Table(html, "failing-blobs", ["Blob", "Failed", "Attempts"],
                        model.FailingBlobs.Select(b => (IReadOnlyList<string>)[b.Blob, Count(b.Failures), Count(b.Attempts)]));
                }
            }
        }
    }

    private static void WriteQueries(HtmlWriter html, IReadOnlyList<QueryResult> queries)
    {
        if (queries.Count == 0)
        {
            return;
        }

        using (html.Open("section", ("id", "queries")))
        {
            html.Element("h2", "Queries");
            html.Element("p", "Every query of evidence/oom/kql-session.json, with its result as it ran over this run's telemetry.");
            foreach (var query in queries)
            {
                using (html.Open("details", ("class", "query"), ("data-query", query.Id)))
                {
                    var outcome = query.Error.Length > 0 ? "error" : $"{query.TotalRows} rows";
                    html.Element("summary", $"{query.Id}: {query.Title} ({outcome})");
                    if (query.Window.Length > 0)
                    {
                        html.Element("p", $"Window {query.Window}", ("class", "small"));
                    }

                    if (query.Adaptation.Length > 0)
                    {
                        html.Element("p", $"Adapted: {query.Adaptation}", ("class", "small"));
                    }

                    html.Element("pre", query.Text, ("class", "query"));
                    if (query.Error.Length > 0)
                    {
                        html.Element("p", query.Error, ("class", "problem"));
                    }
                    else if (query.Columns.Count > 0)
                    {
                        Table(html, "result-" + Slug(query.Id), query.Columns, query.Rows);
                        More(html, query.TotalRows, query.Rows.Count);
                    }
                }
            }
        }
    }

    private static void More(HtmlWriter html, int total, int shown)
    {
        if (total > shown)
        {
            html.Element("p", $"{total - shown} more rows not shown.", ("class", "small"));
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
