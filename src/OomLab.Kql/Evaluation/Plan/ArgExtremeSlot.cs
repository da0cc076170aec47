using OomLab.Kql.Binding;

namespace OomLab.Kql.Evaluation;

/// <summary><c>arg_max(x, cols...)</c> / <c>arg_min</c>: per group, the row where x is largest (smallest), and its columns; the group's first row when x is null in all.</summary>
internal sealed class ArgExtremeSlot(BoundExpression key, IReadOnlyList<BoundExpression> returned, int sign) : SummarizeSlot
{
    public override IReadOnlyList<KqlType> Types { get; } = [key.Type, .. returned.Select(r => r.Type)];

    public override Column[] Compute(EvalContext context, KqlTable input, int[] groups, int groupCount)
    {
        var keys = key.Evaluate(context, input);
        var best = new int[groupCount];
        var first = new int[groupCount];
        Array.Fill(best, -1);
        Array.Fill(first, -1);
        for (var i = 0; i < groups.Length; i++)
        {
            if (first[groups[i]] < 0)
            {
                first[groups[i]] = i;
            }

            if (keys.IsNull(i))
            {
                continue;
            }

            var g = groups[i];
            if (best[g] < 0 || ValueComparer.Compare(keys.Get(i), keys.Get(best[g])) * sign > 0)
            {
                best[g] = i;
            }
        }

        // arg-max-aggregation-function.md: a group whose x is null throughout still gives a row (one of its rows, x null).
        for (var g = 0; g < groupCount; g++)
        {
            if (best[g] < 0)
            {
                best[g] = first[g];
            }
        }

        var columns = new Column[1 + returned.Count];
        columns[0] = keys.Gather(best).Materialize();
        for (var j = 0; j < returned.Count; j++)
        {
            columns[j + 1] = returned[j].Evaluate(context, input).Gather(best).Materialize();
        }

        return columns;
    }
}
