using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// <c>+ - * / %</c> over numbers, datetimes and timespans. Integer division truncates and by zero
/// gives null; real division by zero gives ±∞; timespan / timespan is real. <c>N % D</c> is never negative:
/// 0 ≤ N % D &lt; abs(D) (numerical-operators.md, "Comment about the modulo operator").
/// </summary>
internal sealed class BoundArithmetic(BinaryOperator op, BoundExpression left, BoundExpression right, KqlType type, TextSpan span)
    : BoundExpression(type, span)
{
    public BinaryOperator Operator { get; } = op;

    public override IReadOnlyList<BoundExpression> Children => [left, right];

    /// <summary>The result type, or null when the operator does not apply to the operand types.</summary>
    public static KqlType? ResultType(BinaryOperator op, KqlType l, KqlType r)
    {
        if (l == KqlType.Dynamic || r == KqlType.Dynamic)
        {
            return l.IsNumeric() || r.IsNumeric() || (l == r) ? KqlType.Real : null;
        }

        if (l.IsNumeric() && r.IsNumeric())
        {
            return l == KqlType.Real || r == KqlType.Real ? KqlType.Real : l == KqlType.Int && r == KqlType.Int ? KqlType.Int : KqlType.Long;
        }

        return (op, l, r) switch
        {
            (BinaryOperator.Subtract, KqlType.DateTime, KqlType.DateTime) => KqlType.TimeSpan,
            (BinaryOperator.Add or BinaryOperator.Subtract, KqlType.DateTime, KqlType.TimeSpan) => KqlType.DateTime,
            (BinaryOperator.Add, KqlType.TimeSpan, KqlType.DateTime) => KqlType.DateTime,
            (BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Modulo, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.TimeSpan,
            (BinaryOperator.Divide, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.Real,
            (BinaryOperator.Multiply or BinaryOperator.Divide, KqlType.TimeSpan, _) when r.IsNumeric() => KqlType.TimeSpan,
            (BinaryOperator.Multiply, _, KqlType.TimeSpan) when l.IsNumeric() => KqlType.TimeSpan,
            _ => null,
        };
    }

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        if (right is BoundConstant { Value: { IsNull: false } operand } && Type == KqlType.Real && left.Type is not KqlType.Dynamic
            && operand.Type is not KqlType.Dynamic && Operator is BinaryOperator.Divide or BinaryOperator.Multiply
            && SelectedColumn.Unwrap(left.EvaluateSelected(context, input)) is (RealColumn or Int64Column, _) scaled)
        {
            return ScaleByConstant(scaled.Source, scaled.Rows, operand.AsReal()!.Value, n);
        }

        var l = left.Evaluate(context, input);
        var r = right.Evaluate(context, input);
        var nulls = Kernels.CombineNulls(l, r, n);
        var useIntegers = Type != KqlType.Real && l is Int64Column && r is Int64Column;
        if (useIntegers)
        {
            var a = ((Int64Column)l).Values;
            var b = ((Int64Column)r).Values;
            var result = new long[n];
            switch (Operator)
            {
                case BinaryOperator.Add:
                    for (var i = 0; i < n; i++)
                    {
                        result[i] = a[i] + b[i];
                    }

                    break;
                case BinaryOperator.Subtract:
                    for (var i = 0; i < n; i++)
                    {
                        result[i] = a[i] - b[i];
                    }

                    break;
                case BinaryOperator.Multiply:
                    for (var i = 0; i < n; i++)
                    {
                        result[i] = a[i] * b[i];
                    }

                    break;
                default:
                    for (var i = 0; i < n; i++)
                    {
                        if (b[i] == 0)
                        {
                            nulls ??= new bool[n];
                            nulls[i] = true;
                            continue;
                        }

                        result[i] = Operator == BinaryOperator.Divide ? a[i] / b[i] : Modulo(a[i], b[i]);
                    }

                    break;
            }

            return new Int64Column(Type, result, nulls);
        }

        var x = Kernels.ToReals(l, n);
        var y = Kernels.ToReals(r, n);
        var values = new double[n];
        switch (Operator)
        {
            case BinaryOperator.Add:
                for (var i = 0; i < n; i++)
                {
                    values[i] = x[i] + y[i];
                }

                break;
            case BinaryOperator.Subtract:
                for (var i = 0; i < n; i++)
                {
                    values[i] = x[i] - y[i];
                }

                break;
            case BinaryOperator.Multiply:
                for (var i = 0; i < n; i++)
                {
                    values[i] = x[i] * y[i];
                }

                break;
            case BinaryOperator.Divide:
                for (var i = 0; i < n; i++)
                {
                    values[i] = x[i] / y[i];
                }

                break;
            default:
                for (var i = 0; i < n; i++)
                {
                    values[i] = Modulo(x[i], y[i]);
                }

                break;
        }

        if (Type == KqlType.Real)
        {
            return new RealColumn(values, Kernels.NullsFromNaN(values, nulls, l, r));
        }

        // A timespan scaled by a real, or an integer result computed through reals (dynamic operands).
        var longs = new long[n];
        for (var i = 0; i < n; i++)
        {
            var v = values[i];
            if (double.IsFinite(v))
            {
                longs[i] = (long)v;
            }
            else
            {
                nulls ??= new bool[n];
                nulls[i] = true;
            }
        }

        return new Int64Column(Type, longs, nulls);
    }

    /// <summary>
    /// A column divided or multiplied by a number (<c>duration / 1ms</c>): the constant is not spread into a column, and a
    /// selection (<paramref name="rows"/> of <paramref name="column"/>) is read in place.
    /// </summary>
    private RealColumn ScaleByConstant(Column column, int[]? rows, double operand, int n)
    {
        var values = new double[n];
        var divide = Operator == BinaryOperator.Divide;
        var (reals, longs, nulls) = column switch
        {
            RealColumn r => (r.Values, null, r.Nulls),
            Int64Column l => ((double[]?)null, l.Values, l.Nulls),
            _ => throw new InvalidOperationException("a number column is needed"),
        };
        for (var i = 0; i < n; i++)
        {
            var at = rows is null ? i : rows[i];
            var v = reals is not null ? reals[at] : longs![at];
            values[i] = divide ? v / operand : v * operand;
        }

        return new RealColumn(values, Kernels.NullsAt(nulls, rows, n));
    }

    private static long Modulo(long n, long d)
    {
        // long.MinValue % -1 overflows in .NET; the remainder is 0.
        var r = d == -1 ? 0 : n % d;
        return r < 0 ? r + (d < 0 ? -d : d) : r;
    }

    private static double Modulo(double n, double d)
    {
        var r = n % d;
        return r < 0 ? r + Math.Abs(d) : r;
    }
}
