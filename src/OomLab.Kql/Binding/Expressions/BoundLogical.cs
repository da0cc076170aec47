using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary><c>and</c> / <c>or</c> with three-valued logic: false and null is false, true or null is true.</summary>
internal sealed class BoundLogical(bool isAnd, BoundExpression left, BoundExpression right, TextSpan span) : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [left, right];

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var l = (BoolColumn)left.Evaluate(context, input);
        var r = (BoolColumn)right.Evaluate(context, input);
        var n = input.RowCount;
        var result = new bool[n];
        bool[]? nulls = null;
        for (var i = 0; i < n; i++)
        {
            var a = l.IsNull(i) ? (bool?)null : l.Values[i];
            var b = r.IsNull(i) ? (bool?)null : r.Values[i];
            bool? v = isAnd
                ? (a == false || b == false ? false : a is null || b is null ? null : true)
                : (a == true || b == true ? true : a is null || b is null ? null : false);
            if (v is null)
            {
                nulls ??= new bool[n];
                nulls[i] = true;
            }
            else
            {
                result[i] = v.Value;
            }
        }

        return new BoolColumn(result, nulls);
    }
}
