using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary><c>x between (a .. b)</c>: inclusive at both ends; a null value gives null.</summary>
internal sealed class BoundBetween(BoundExpression value, BoundExpression low, BoundExpression high, bool negated, TextSpan span)
    : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [value, low, high];

    public override int[]? SelectRows(EvalContext context, KqlTable input)
    {
        if (!value.Type.IsInt64Backed() || low is not BoundConstant { Value: { IsNull: false } lo } || high is not BoundConstant { Value: { IsNull: false } hi }
            || !lo.Type.IsInt64Backed() || !hi.Type.IsInt64Backed())
        {
            return null;
        }

        var (source, rows) = SelectedColumn.Unwrap(value.EvaluateSelected(context, input));
        var longs = (Int64Column)source;
        var test = new InRange(longs.Values, longs.Nulls, rows, lo.Long, hi.Long, negated);
        return RowSelector.Select(input.RowCount, test);
    }

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var column = value.EvaluateSelected(context, input);
        var result = new bool[n];
        if (SelectedColumn.Unwrap(column) is (Int64Column longs, var rows) && low is BoundConstant { Value: { IsNull: false } lo } && high is BoundConstant { Value: { IsNull: false } hi }
            && lo.Type.IsInt64Backed() && hi.Type.IsInt64Backed())
        {
            // A selection is read through its row vector, not gathered first.
            long a = lo.Long, b = hi.Long;
            var values = longs.Values;
            for (var i = 0; i < n; i++)
            {
                var v = values[rows is null ? i : rows[i]];
                result[i] = (v >= a && v <= b) != negated;
            }

            return new BoolColumn(result, Kernels.NullsAt(longs.Nulls, rows, n));
        }

        column = column.Materialize();
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

    private readonly struct InRange(long[] values, bool[]? nulls, int[]? rows, long low, long high, bool negated) : IRowTest
    {
        public bool Passes(int row)
        {
            var at = rows is null ? row : rows[row];
            var v = values[at];
            return (nulls is null || !nulls[at]) && ((v >= low && v <= high) != negated);
        }
    }
}
