namespace OomLab.Report;

internal static partial class ReportRenderer
{
    private static void WriteVerdict(HtmlWriter html, VerdictSection? verdict)
    {
        if (verdict is null)
        {
            return;
        }

        using (html.Open("section", ("id", "verdict")))
        {
            html.Element("h2", "Verdict");
            if (verdict.Hypothesis.Length > 0)
            {
                html.Element("p", verdict.Hypothesis, ("class", "hypothesis"));
            }

            if (verdict.FinalVerdict.Length > 0)
            {
                html.Element("p", verdict.FinalVerdict, ("class", verdict.Supported == true ? "verdict supported" : "verdict not-supported"));
            }

            if (verdict.Table.Count > 0)
            {
                html.Element("h3", "Verdict table");
                Table(html, "verdict-table", ["Criterion", "Verdict", "Evidence"], verdict.Table.Select(r => (IReadOnlyList<string>)[r.Criterion, r.Verdict, r.Evidence]));
            }

            var criteria = verdict.Proof.Select(c => (Kind: "proof", Row: c)).Concat(verdict.Disproof.Select(c => (Kind: "disproof", Row: c))).ToList();
            if (criteria.Count > 0)
            {
                html.Element("h3", "Proof and disproof criteria");
                Table(html, "criteria", ["", "Criterion", "Holds", "Evidence", "Queries"],
                    criteria.Select(c => (IReadOnlyList<string>)[c.Row.Id, c.Row.Statement, YesNo(c.Row.Holds), c.Row.Evidence, string.Join(", ", c.Row.Queries)]),
                    i => criteria[i].Kind);
            }

            foreach (var stage in verdict.Expected.GroupBy(e => e.Stage))
            {
                html.Element("h3", $"Expected evidence: {stage.Key}");
                var rows = stage.ToList();
                Table(html, "expected-" + Slug(stage.Key), ["Signal", "Seed expects", "Expected here", "Measured", "Holds"],
                    rows.Select(e => (IReadOnlyList<string>)[e.Signal, e.SeedExpected, e.ExpectedHere, e.Measured, e.Holds switch { true => "ok", false => "off", null => "" }]),
                    i => rows[i].Holds == false ? "off" : null);
            }

            if (verdict.QueryErrors.Count > 0)
            {
                html.Element("h3", "Query errors");
                using (html.Open("ul", ("class", "problems")))
                {
                    foreach (var error in verdict.QueryErrors)
                    {
                        html.Element("li", error);
                    }
                }
            }
        }
    }

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
