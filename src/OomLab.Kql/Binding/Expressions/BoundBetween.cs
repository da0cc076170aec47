using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary><c>x between (a .. b)</c>: inclusive at both ends; a null value gives null.</summary>
internal sealed class BoundBetween(BoundExpression value, BoundExpression low, BoundExpression high, bool negated, TextSpan span)
    : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [value, low, high];

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var column = value.Evaluate(context, input);
        var result = new bool[n];
        if (column is Int64Column longs && low is BoundConstant { Value: { IsNull: false } lo } && high is BoundConstant { Value: { IsNull: false } hi }
            && lo.Type.IsInt64Backed() && hi.Type.IsInt64Backed())
        {
            long a = lo.Long, b = hi.Long;
            var values = longs.Values;
            for (var i = 0; i < n; i++)
            {
                var v = values[i];
                result[i] = (v >= a && v <= b) != negated;
            }

            return new BoolColumn(result, longs.Nulls is null ? null : (bool[])longs.Nulls.Clone());
        }

        var l = low.Evaluate(context, input);
        var h = high.Evaluate(context, input);
        bool[]? nulls = null;
        for (var i = 0; i < n; i++)
        {
            var v = column.Get(i);
            var a = l.Get(i);
            var b = h.Get(i);
            if (v.IsNull || a.IsNull || b.IsNull)
            {
                nulls ??= new bool[n];
                nulls[i] = true;
                continue;
            }

            result[i] = (ValueComparer.Compare(v, a) >= 0 && ValueComparer.Compare(v, b) <= 0) != negated;
        }

        return new BoolColumn(result, nulls);
    }
}
