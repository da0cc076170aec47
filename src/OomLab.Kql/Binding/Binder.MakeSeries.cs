using System.Globalization;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// <c>make-series</c>: the aggregates are bound as summarize's are and computed per group and bin; the output has
    /// the keys, one dynamic array per aggregate and the axis as an array of the bins' starts.
    /// </summary>
    private QueryPlan? BindMakeSeries(QueryPlan input, MakeSeriesSyntax syntax)
    {
        var scope = new Scope(input.Schema);
        var axis = BindScalar(syntax.Axis, scope);
        var from = syntax.From is null ? null : BindScalar(syntax.From, scope);
        var to = syntax.To is null ? null : BindScalar(syntax.To, scope);
        var step = BindScalar(syntax.Step, scope);
        var keys = syntax.Keys.Select(k => BindScalar(k.Expression, scope)).ToList();
        var keyNames = syntax.Keys.Select((k, i) => k.Name ?? InferKeyName(k.Expression) ?? "Column" + (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var aggregates = new List<(SummarizeSlot Slot, string Name, KqlValue Default)>();
        foreach (var (aggregate, fallback) in syntax.Aggregates)
        {
            if (aggregate.Expression is not CallSyntax call || !AggregateFunctions.IsAggregate(call.Name) || AggregateFunctions.Find(call.Name) is null)
            {
                Report(aggregate.Expression.Span, Messages.InvalidArgument("make-series", "each series must be one aggregate function call, as sum(x)"));
                return null;
            }

            if (BindAggregate(call, scope) is not { } bound)
            {
                return null;
            }

            var value = fallback is null ? KqlValue.FromLong(0) : BindScalar(fallback, Scope.Empty) is BoundConstant c ? c.Value : (KqlValue?)null;
            if (value is null)
            {
                Report(fallback!.Span, Messages.ExpectedConstant("make-series default"));
                return null;
            }

            aggregates.Add((bound.Slot, aggregate.Name ?? bound.Name, value.Value));
        }

        foreach (var (bound, syntaxOf, what) in new[] { (from, syntax.From, "from"), (to, syntax.To, "to"), (step, (ExpressionSyntax?)syntax.Step, "step") })
        {
            if (bound is not null and not BoundConstant and not BoundError)
            {
                Report(syntaxOf!.Span, Messages.ExpectedConstant($"make-series {what}"));
                return null;
            }
        }

        if (_diagnostics.HasErrors)
        {
            return null;
        }

        var axisName = InferName(syntax.Axis) ?? "Column1";
        var columns = keyNames.Select((n, i) => (n, keys[i].Type)).Concat(aggregates.Select(a => (a.Name, KqlType.Dynamic))).Append((axisName, KqlType.Dynamic)).ToList();
        return new MakeSeriesPlan(
            input, axis, (from as BoundConstant)?.Value, (to as BoundConstant)?.Value, ((BoundConstant)step).Value, keys,
            aggregates.Select(a => (a.Slot, a.Default)).ToList(), syntax.NonEmpty, new Schema(columns), syntax.Span);
    }
}
