namespace OomLab.Playbook;

internal static partial class Diagnoser
{
    private static (List<FlowStep> Path, bool MemoryIsCause) Walk(PlaybookDefinition playbook, RuleRunner rules)
    {
        var nodes = playbook.Flow.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var path = new List<FlowStep>();
        var node = nodes[playbook.FlowStart];
        while (true)
        {
            if (path.Count > nodes.Count)
            {
                throw new PlaybookException(playbook.Source, 1, 1, "decisionFlow", $"the flow loops ({string.Join(" → ", path.Select(p => p.NodeId))})");
            }

            if (node.When is { } when)
            {
                var answer = rules.Holds(when);
                path.Add(new FlowStep(node.Id, node.Text, answer, when.Value));
                node = nodes[answer ? node.Yes! : node.No!];
                continue;
            }

            path.Add(new FlowStep(node.Id, node.Text, null, null));
            if (node.Next is null)
            {
                return (path, node.MemoryIsCause ?? false);
            }

            node = nodes[node.Next];
        }
    }

    private static SeverityFinding? Grade(PlaybookDefinition playbook, RuleRunner rules) =>
        playbook.Severity.FirstOrDefault(r => rules.Holds(r.When)) is { } rule
            ? new SeverityFinding(rule.Level, rule.Condition, rule.Action, rule.When.Value)
            : null;

    private static HypothesisFinding Judge(
        HypothesisDefinition hypothesis, QueryOutcome query, RuleRunner rules, Dictionary<string, long> rowCounts, DiagnosisOptions options)
    {
        var result = query.Result;
        var evidence = EvidenceTable.From(result.Table, options.EvidenceRowLimit);
        var empty = hypothesis.Tables.Where(t => rowCounts.GetValueOrDefault(t) == 0).ToList();
        var score = Math.Clamp(hypothesis.Score is { } s ? PlaybookQuery.Number(rules.Evaluate(s)) ?? 0 : 50, 0, 100);
        if (empty.Count > 0)
        {
            return new(hypothesis, HypothesisStatus.NotEnoughData, 0, false, false, $"no rows in {string.Join(", ", empty)}", hypothesis.Query.Value, evidence);
        }

        if (hypothesis.Requires is { } requires && !rules.Holds(requires))
        {
            return new(hypothesis, HypothesisStatus.NotEnoughData, 0, false, false, $"requires ({requires.Value}) does not hold", hypothesis.Query.Value, evidence);
        }

        var confirmed = rules.Holds(hypothesis.Confirm);
        var disproved = rules.Holds(hypothesis.Disprove);
        var (status, reason) = (confirmed, disproved) switch
        {
            (true, false) => (HypothesisStatus.Supported, $"confirm holds: {hypothesis.Confirm.Value}"),
            (false, true) => (HypothesisStatus.Disproved, $"disprove holds: {hypothesis.Disprove.Value}"),
            (true, true) => (HypothesisStatus.Weakened, "confirm and disprove both hold: the evidence conflicts"),
            _ => (HypothesisStatus.Weakened, "neither confirm nor disprove holds: no confirming signal"),
        };
        return new(hypothesis, status, status == HypothesisStatus.Disproved ? 0 : score, confirmed, disproved, reason, hypothesis.Query.Value, evidence);
    }
}
