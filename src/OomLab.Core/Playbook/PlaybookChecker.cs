namespace OomLab.Playbook;

/// <summary>
/// Checks a parsed playbook before it runs: unique ids, flow links that resolve and a flow that ends, and
/// every query and rule compiled against the telemetry tables and the names in its scope.
/// </summary>
internal static class PlaybookChecker
{
    public static void Check(PlaybookDefinition playbook)
    {
        var source = playbook.Source;
        var tables = EmptyTelemetryTables.Instance;
        var inputs = RuleNames.InputPlaceholders();
        var queryPreamble = inputs.Preamble(playbook.Prelude);
        var reserved = inputs.Values.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var scope = inputs.Copy();
        foreach (var signal in playbook.Signals)
        {
            if (reserved.Contains(signal.Name))
            {
                throw Error(source, signal.Query, $"'{signal.Name}' is a name the tool provides; choose another signal name");
            }

            PlaybookQuery.Check(queryPreamble, signal.Query, source, tables, isRule: false);
            scope.Set(signal.Name, TypedNull.Real);
        }

        CheckFlow(playbook);
        var rulePreamble = scope.Preamble();
        foreach (var node in playbook.Flow.Where(n => n.When is not null))
        {
            PlaybookQuery.Check(rulePreamble, node.When!, source, tables, isRule: true);
        }

        foreach (var rule in playbook.Severity)
        {
            PlaybookQuery.Check(rulePreamble, rule.When, source, tables, isRule: true);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hypothesis in playbook.Hypotheses)
        {
            if (!ids.Add(hypothesis.Id) || !PlaybookLoader.Identifier().IsMatch(hypothesis.Id))
            {
                throw Error(source, hypothesis.Confirm, $"hypothesis id '{hypothesis.Id}' must be a unique identifier");
            }

            foreach (var table in hypothesis.Tables.Where(t => !tables.TableNames.Contains(t, StringComparer.Ordinal)))
            {
                throw Error(source, hypothesis.Confirm, $"hypothesis {hypothesis.Id} needs table '{table}', which is not a telemetry table ({string.Join(", ", tables.TableNames)})");
            }

            PlaybookQuery.Check(queryPreamble, hypothesis.Query, source, tables, isRule: false);
            foreach (var rule in new[] { hypothesis.Requires, hypothesis.Confirm, hypothesis.Disprove, hypothesis.Score }.OfType<PlaybookText>())
            {
                PlaybookQuery.Check(rulePreamble, rule, source, tables, isRule: true);
            }
        }

        var outcome = scope.Copy()
            .Set(RuleNames.MemoryIsCause, false)
            .Set(RuleNames.SafeConcurrency, 1L)
            .Set(RuleNames.PerInvocationBytes, 1L)
            .Set(RuleNames.PayloadGuardBytes, 1L);
        foreach (var id in ids)
        {
            outcome.Set(id, string.Empty);
        }

        var outcomePreamble = outcome.Preamble();
        foreach (var rule in playbook.Misreadings.Select(m => m.When).Concat(playbook.Mitigations.Select(m => m.When)))
        {
            PlaybookQuery.Check(outcomePreamble, rule, source, tables, isRule: true);
        }
    }

    private static void CheckFlow(PlaybookDefinition playbook)
    {
        var source = playbook.Source;
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in playbook.Flow)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                throw new PlaybookException(source, 1, 1, "decisionFlow.nodes", $"node id '{node.Id}' appears twice");
            }
        }

        if (!nodes.ContainsKey(playbook.FlowStart))
        {
            throw new PlaybookException(source, 1, 1, "decisionFlow.start", $"no node '{playbook.FlowStart}'");
        }

        foreach (var node in playbook.Flow)
        {
            var key = $"decisionFlow.nodes[{node.Id}]";
            var question = node.When is not null;
            if (question && (node.Yes is null || node.No is null))
            {
                throw Error(source, node.When!, "a question (when) needs both yes and no");
            }

            if (!question && (node.Yes is not null || node.No is not null))
            {
                throw new PlaybookException(source, 1, 1, key, "yes/no need a when rule");
            }

            if (!question && node.Next is null && node.MemoryIsCause is null)
            {
                throw new PlaybookException(source, 1, 1, key, "a node needs when/yes/no, next, or memoryIsCause (an end)");
            }

            foreach (var target in new[] { node.Yes, node.No, node.Next }.OfType<string>().Where(t => !nodes.ContainsKey(t)))
            {
                throw new PlaybookException(source, node.When?.Line ?? 1, 1, key, $"links to '{target}', which is not a node id");
            }
        }
    }

    private static PlaybookException Error(string source, PlaybookText at, string problem) => new(source, at.Line, at.Column, at.Key, problem);
}
