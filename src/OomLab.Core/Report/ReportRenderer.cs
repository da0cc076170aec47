namespace OomLab.Report;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS and SVG, no script, no
/// network. Every string from telemetry or the bundle goes through <see cref="HtmlWriter"/>, which escapes.
/// </summary>
internal static partial class ReportRenderer
{
    public static string Render(ReportModel model, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= ReportOptions.Default;
        var html = new HtmlWriter();
        html.Trusted("<!DOCTYPE html>");
        using (html.Open("html", ("lang", "en")))
        {
            using (html.Open("head"))
            {
                html.Empty("meta", ("charset", "utf-8"));
                html.Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
                html.Empty("meta", ("name", "color-scheme"), ("content", "light dark"));
                html.Element("title", model.Title);
                using (html.Open("style"))
                {
                    html.Trusted(ReportStyles.Css);
                }
            }

            using (html.Open("body"))
            {
                WriteHeader(html, model);
                using (html.Open("main"))
                {
                    WriteCharts(html, model);
                    WriteVerdict(html, model.Verdict);
                    WriteDiagnosis(html, model.Diagnosis);
                    WriteEvents(html, model, options);
                    WriteQueries(html, model.Queries);
                }

                using (html.Open("footer"))
                {
                    html.Text($"Made by oomlab report from {model.Source}. Times are UTC on the run's clock (the lab clock for lab runs).");
                }
            }
        }

        return html.ToString();
    }

    private static void WriteHeader(HtmlWriter html, ReportModel model)
    {
        using (html.Open("header"))
        {
            html.Element("h1", model.Title);
            if (model.Verdict is { FinalVerdict.Length: > 0 } verdict)
            {
                html.Element("p", verdict.FinalVerdict, ("class", verdict.Supported == true ? "verdict supported" : "verdict not-supported"), ("id", "final-verdict"));
            }

            if (model.Facts.Count > 0)
            {
                using (html.Open("dl", ("class", "facts")))
                {
                    foreach (var (name, value) in model.Facts)
                    {
                        html.Element("dt", name).Element("dd", value);
                    }
                }
            }

            foreach (var problem in model.Problems)
            {
                html.Element("p", problem, ("class", "problem"));
            }

            using (html.Open("nav"))
            {
                foreach (var (anchor, text, present) in new[]
                {
                    ("timeline", "Timeline and charts", true), ("verdict", "Verdict", model.Verdict is not null),
                    ("diagnosis", "Diagnosis", model.Diagnosis is not null), ("events", "Worker lifecycle", model.Markers.Count > 0 || model.FailingBlobs.Count > 0),
                    ("queries", "Queries", model.Queries.Count > 0),
                })
                {
                    if (present)
                    {
                        html.Element("a", text, ("href", "#" + anchor));
                    }
                }
            }
        }
    }

    private static void Table(HtmlWriter html, string id, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null)
    {
        using (html.Open("div", ("class", "table-wrap")))
        using (html.Open("table", ("id", id)))
        {
            using (html.Open("thead"))
            using (html.Open("tr"))
            {
                foreach (var header in headers)
                {
                    html.Element("th", header);
                }
            }

            using (html.Open("tbody"))
            {
                var index = 0;
                foreach (var row in rows)
                {
                    using (html.Open("tr", ("class", rowClass?.Invoke(index++))))
                    {
                        foreach (var cell in row)
                        {
                            html.Element("td", cell);
                        }
                    }
                }
            }
        }
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };
}
