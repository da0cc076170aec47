using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// <c>== != &lt; &lt;= &gt; &gt;=</c>. With exactly one null side <c>==</c> is false and <c>!=</c> true;
/// otherwise a null operand gives null (which <c>where</c> treats as false). Strings compare ordinally.
/// </summary>
internal sealed class BoundComparison(BinaryOperator op, BoundExpression left, BoundExpression right, TextSpan span)
    : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [left, right];

    public static bool CanCompare(KqlType l, KqlType r) =>
        l == r || l == KqlType.Dynamic || r == KqlType.Dynamic || (l.IsNumeric() && r.IsNumeric());

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var result = new bool[n];
        var l = left.Evaluate(context, input);
        if (right is BoundConstant { Value: var constant } && !constant.IsNull)
        {
            if (l is Int64Column li && constant.Type.IsInt64Backed())
            {
                CompareToConstant(li.Values, constant.Long, result);
                return new BoolColumn(result, li.Nulls is null ? null : NullResults(li.Nulls, result));
            }

            if (l is StringColumn ls && constant.Type == KqlType.String && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                var s = constant.String;
                var values = ls.Values;
                var equal = op == BinaryOperator.Equal;
                for (var i = 0; i < n; i++)
                {
                    result[i] = string.Equals(values[i], s, StringComparison.Ordinal) == equal;
                }

                return new BoolColumn(result, null);
            }

            if (l is BoolColumn lb && constant.Type == KqlType.Bool && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                var target = constant.Bool == (op == BinaryOperator.Equal);
                var values = lb.Values;
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] == target;
                }

                return new BoolColumn(result, lb.Nulls is null ? null : NullResults(lb.Nulls, result));
            }
        }

        var r = right.Evaluate(context, input);
        bool[]? nulls = null;
        for (var i = 0; i < n; i++)
        {
            var a = l.Get(i);
            var b = r.Get(i);
            if (a.Type == KqlType.Dynamic)
            {
                a = DynamicValues.ToScalar(a.Dynamic);
            }

            if (b.Type == KqlType.Dynamic)
            {
                b = DynamicValues.ToScalar(b.Dynamic);
            }

            if (a.IsNull || b.IsNull)
            {
                if (a.IsNull != b.IsNull && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
                {
                    result[i] = op == BinaryOperator.NotEqual;
                }
                else
                {
                    nulls ??= new bool[n];
                    nulls[i] = true;
                }

                continue;
            }

            var c = ValueComparer.Compare(a, b);
            result[i] = op switch
            {
                BinaryOperator.Equal => c == 0,
                BinaryOperator.NotEqual => c != 0,
                BinaryOperator.Less => c < 0,
                BinaryOperator.LessOrEqual => c <= 0,
                BinaryOperator.Greater => c > 0,
                _ => c >= 0,
            };
        }

        return new BoolColumn(result, nulls);
    }

    private void CompareToConstant(long[] values, long constant, bool[] result)
    {
        var n = values.Length;
        switch (op)
        {
            case BinaryOperator.Equal:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] == constant;
                }

                break;
            case BinaryOperator.NotEqual:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] != constant;
                }

                break;
            case BinaryOperator.Less:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] < constant;
                }

                break;
            case BinaryOperator.LessOrEqual:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] <= constant;
                }

                break;
            case BinaryOperator.Greater:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] > constant;
                }

                break;
            default:
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[i] >= constant;
                }

                break;
        }
    }

    /// <summary>A null left side against a non-null constant: <c>==</c> false, <c>!=</c> true, ordering null.</summary>
    private bool[]? NullResults(bool[] leftNulls, bool[] result)
    {
        bool[]? nulls = null;
        for (var i = 0; i < leftNulls.Length; i++)
        {
            if (!leftNulls[i])
            {
                continue;
            }

            if (op is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                result[i] = op == BinaryOperator.NotEqual;
            }
            else
            {
                nulls ??= new bool[leftNulls.Length];
                nulls[i] = true;
            }
        }

        return nulls;
    }
}
