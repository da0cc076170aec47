namespace OomLab.Report;

internal static partial class ReportRenderer
{
    private static void WriteDiagnosis(HtmlWriter html, DiagnosisModel? diagnosis)
    {
        if (diagnosis is null)
        {
            return;
        }

        using (html.Open("section", ("id", "diagnosis")))
        {
            html.Element("h2", "Diagnosis");
            if (diagnosis.Summary.Length > 0)
            {
                html.Element("p", diagnosis.Summary, ("class", "summary"));
            }

            if (diagnosis.Severity is { } severity)
            {
                using (html.Open("p", ("class", "severity"), ("id", "severity")))
                {
                    html.Element("strong", severity.Level);
                    html.Text(string.Join(" ", new[] { severity.Rule, severity.Reason }.Where(t => t.Length > 0).Select(t => " · " + t)));
                }
            }

            if (diagnosis.DecisionPath.Count > 0)
            {
                html.Element("h3", "Decision path");
                using (html.Open("ol", ("class", "decision-path")))
                {
                    foreach (var step in diagnosis.DecisionPath)
                    {
                        html.Element("li", step);
                    }
                }
            }

            if (diagnosis.Hypotheses.Count > 0)
            {
                html.Element("h3", "Hypotheses");
                Table(html, "hypotheses", ["", "Hypothesis", "Status", "Why"],
                    diagnosis.Hypotheses.Select(h => (IReadOnlyList<string>)[h.Id, h.Title, h.Status, h.Summary]));
                foreach (var hypothesis in diagnosis.Hypotheses.Where(h => h.Evidence.Count > 0 || h.Query.Length > 0))
                {
                    using (html.Open("details", ("class", "hypothesis-detail")))
                    {
                        html.Element("summary", $"{hypothesis.Id} {hypothesis.Title}: evidence".Trim());
                        if (hypothesis.Evidence.Count > 0)
                        {
                            Table(html, "evidence-" + Slug(hypothesis.Id), ["Signal", "Expected", "Measured", "Holds"],
                                hypothesis.Evidence.Select(e => (IReadOnlyList<string>)[e.Signal, e.Expected, e.Measured, YesNo(e.Holds)]));
                        }

                        if (hypothesis.Query.Length > 0)
                        {
                            html.Element("pre", hypothesis.Query, ("class", "query"));
                        }
                    }
                }
            }

            if (diagnosis.Misreadings.Count > 0)
            {
                html.Element("h3", "Misreadings to avoid");
                Table(html, "misreadings", ["Misreading", "Why incorrect", "Correct interpretation"],
                    diagnosis.Misreadings.Select(m => (IReadOnlyList<string>)[m.Misreading, m.Why, m.Correct]));
            }

            if (diagnosis.Mitigations.Count > 0)
            {
                html.Element("h3", "Mitigations");
                using (html.Open("ol", ("class", "mitigations")))
                {
                    foreach (var mitigation in diagnosis.Mitigations)
                    {
                        using (html.Open("li"))
                        {
                            html.Element("strong", mitigation.Title);
                            if (mitigation.Text.Length > 0)
                            {
                                html.Element("p", mitigation.Text);
                            }

                            if (mitigation.Snippet.Length > 0)
                            {
                                html.Element("pre", mitigation.Snippet, ("class", "snippet"), ("data-language", mitigation.Language.Length > 0 ? mitigation.Language : null));
                            }
                        }
                    }
                }
            }
        }
    }
}
