namespace OomLab.Report;

/// <summary>What <c>verdict.json</c> holds: the hypothesis, the verdict table, the criteria and the expected evidence.</summary>
internal sealed record VerdictSection(
    string Hypothesis,
    bool? Supported,
    string FinalVerdict,
    IReadOnlyList<VerdictRow> Table,
    IReadOnlyList<CriterionRow> Proof,
    IReadOnlyList<CriterionRow> Disproof,
    IReadOnlyList<ExpectedRow> Expected,
    IReadOnlyList<string> QueryErrors);
