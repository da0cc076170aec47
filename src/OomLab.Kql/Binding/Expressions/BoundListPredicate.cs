using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// <c>in</c>, <c>!in</c>, <c>in~</c>, <c>!in~</c> (set membership: case-sensitive unless <c>~</c>) and
/// <c>has_any</c>, <c>has_all</c> (whole-term matching) against constants or a one-column table.
/// </summary>
internal sealed class BoundListPredicate(string op, BoundExpression value, IReadOnlyList<BoundExpression> items, QueryPlan? table, TextSpan span)
    : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [value, .. items];

    /// <summary>A list drawn from a table is computed when the query runs, not while binding.</summary>
    public override bool IsFoldable => table is null;

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var candidates = Candidates(context);
        var column = value.Evaluate(context, input);
        var result = new bool[n];
        if (op is "has_any" or "has_all")
        {
            var matcher = new TermMatcher(candidates.Select(c => c.ToText()).ToList(), caseSensitive: false);
            Func<string, bool> match = op == "has_any" ? matcher.HasAny : matcher.HasAll;
            if (column is StringColumn strings)
            {
                var values = strings.Values;

                // Columns read from a store hold one string per distinct value: answer each once.
                var seen = new Dictionary<string, bool>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < n; i++)
                {
                    var text = values[i];
                    if (!seen.TryGetValue(text, out var matched))
                    {
                        matched = match(text);
                        if (seen.Count < 4096)
                        {
                            seen.Add(text, matched);
                        }
                    }

                    result[i] = matched;
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    result[i] = match(column.Get(i).ToText());
                }
            }

            return new BoolColumn(result, null);
        }

        var negated = op[0] == '!';
        if (value.Type == KqlType.String || op.EndsWith('~'))
        {
            var set = new HashSet<string>(candidates.Select(c => c.ToText()), op.EndsWith('~') ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            if (column is StringColumn strings)
            {
                // A column keeps one string per distinct value for neighbouring repeats: look each run up once.
                var values = strings.Values;
                string? last = null;
                var found = false;
                for (var i = 0; i < n; i++)
                {
                    var text = values[i];
                    if (!ReferenceEquals(text, last))
                    {
                        last = text;
                        found = set.Contains(text) != negated;
                    }

                    result[i] = found;
                }

                return new BoolColumn(result, null);
            }

            for (var i = 0; i < n; i++)
            {
                result[i] = set.Contains(column.Get(i).ToText()) != negated;
            }

            return new BoolColumn(result, null);
        }

        // null-values.md: in is an OR of == comparisons and !in an AND of != comparisons, and a null compared
        // with a value is == false, != true: a null is never in the list, so always !in it.
        for (var i = 0; i < n; i++)
        {
            var v = column.Get(i);
            if (v.IsNull)
            {
                result[i] = negated;
                continue;
            }

            var found = false;
            foreach (var candidate in candidates)
            {
                if (!candidate.IsNull && ValueComparer.Compare(v, candidate) == 0)
                {
                    found = true;
                    break;
                }
            }

            result[i] = found != negated;
        }

        return new BoolColumn(result, null);
    }

    private List<KqlValue> Candidates(EvalContext context)
    {
        var one = new KqlTable(string.Empty, [], 1);
        var list = new List<KqlValue>();
        foreach (var item in items)
        {
            var v = item.Evaluate(context, one).Get(0);
            if (v.Type == KqlType.Dynamic && v.Dynamic is System.Text.Json.Nodes.JsonArray array)
            {
                list.AddRange(array.Select(DynamicValues.ToScalar));
            }
            else
            {
                list.Add(v);
            }
        }

        if (table is not null)
        {
            var t = table.Execute(context);
            if (t.Columns.Count > 0)
            {
                var c = t.Columns[0].Data;
                for (var i = 0; i < t.RowCount; i++)
                {
                    list.Add(c.Get(i));
                }
            }
        }

        return list;
    }
}
