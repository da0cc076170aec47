using System.Buffers;
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

    public override int[]? SelectRows(EvalContext context, KqlTable input)
    {
        if (right is not BoundConstant { Value: { IsNull: false } constant })
        {
            return null;
        }

        var equality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
        if (left.Type.IsInt64Backed() && constant.Type.IsInt64Backed())
        {
            var (source, rows) = SelectedColumn.Unwrap(left.EvaluateSelected(context, input));
            var longs = (Int64Column)source;
            var test = new LongTest(op, longs.Values, longs.Nulls, rows, constant.Long);
            return RowSelector.Select(input.RowCount, test);
        }

        if (left.Type == KqlType.String && constant.Type == KqlType.String && equality)
        {
            var (source, rows) = SelectedColumn.Unwrap(left.EvaluateSelected(context, input));
            var test = new StringTest(((StringColumn)source).Values, rows, constant.String, op == BinaryOperator.Equal);
            return RowSelector.Select(input.RowCount, test);
        }

        if (left.Type == KqlType.Bool && constant.Type == KqlType.Bool && equality)
        {
            var (source, rows) = SelectedColumn.Unwrap(left.EvaluateSelected(context, input));
            var bools = (BoolColumn)source;
            var test = new BoolTest(bools.Values, bools.Nulls, rows, constant.Bool == (op == BinaryOperator.Equal), op == BinaryOperator.NotEqual);
            return RowSelector.Select(input.RowCount, test);
        }

        return null;
    }

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var result = new bool[n];
        var l = left.EvaluateSelected(context, input);
        if (right is BoundConstant { Value: var constant } && !constant.IsNull)
        {
            // A selection is read through its row vector, not gathered first: most rows a filter reads, it drops.
            var (source, rows) = SelectedColumn.Unwrap(l);
            if (source is Int64Column li && constant.Type.IsInt64Backed())
            {
                if (rows is null)
                {
                    CompareToConstant(li.Values, constant.Long, result);
                }
                else
                {
                    var gathered = ArrayPool<long>.Shared.Rent(n);
                    var sourceValues = li.Values;
                    for (var i = 0; i < n; i++)
                    {
                        gathered[i] = sourceValues[rows[i]];
                    }

                    CompareToConstant(gathered.AsSpan(0, n), constant.Long, result);
                    ArrayPool<long>.Shared.Return(gathered);
                }

                var leftNulls = rows is null ? li.Nulls : Kernels.NullsAt(li.Nulls, rows, n);
                return new BoolColumn(result, leftNulls is null ? null : NullResults(leftNulls, result));
            }

            if (source is StringColumn ls && constant.Type == KqlType.String && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                var s = constant.String;
                var values = ls.Values;
                var equal = op == BinaryOperator.Equal;

                // Columns repeat a few string instances (a store keeps one per distinct value): compare each run once.
                string? last = null;
                var lastResult = false;
                for (var i = 0; i < n; i++)
                {
                    var v = values[rows is null ? i : rows[i]];
                    if (!ReferenceEquals(v, last))
                    {
                        last = v;
                        lastResult = string.Equals(v, s, StringComparison.Ordinal) == equal;
                    }

                    result[i] = lastResult;
                }

                return new BoolColumn(result, null);
            }

            if (source is BoolColumn lb && constant.Type == KqlType.Bool && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                var target = constant.Bool == (op == BinaryOperator.Equal);
                var values = lb.Values;
                for (var i = 0; i < n; i++)
                {
                    result[i] = values[rows is null ? i : rows[i]] == target;
                }

                var leftNulls = rows is null ? lb.Nulls : Kernels.NullsAt(lb.Nulls, rows, n);
                return new BoolColumn(result, leftNulls is null ? null : NullResults(leftNulls, result));
            }
        }

        l = l.Materialize();
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

    private void CompareToConstant(ReadOnlySpan<long> values, long constant, bool[] result)
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

    // A null left side against a non-null constant: == is false, != true, an ordering null (false for where).
    private readonly struct LongTest(BinaryOperator op, long[] values, bool[]? nulls, int[]? rows, long constant) : IRowTest
    {
        public bool Passes(int row)
        {
            var at = rows is null ? row : rows[row];
            if (nulls is not null && nulls[at])
            {
                return op == BinaryOperator.NotEqual;
            }

            var v = values[at];
            return op switch
            {
                BinaryOperator.Equal => v == constant,
                BinaryOperator.NotEqual => v != constant,
                BinaryOperator.Less => v < constant,
                BinaryOperator.LessOrEqual => v <= constant,
                BinaryOperator.Greater => v > constant,
                _ => v >= constant,
            };
        }
    }

    /// <summary>
    /// Columns repeat a few string instances (a store keeps one per distinct value): an instance last seen equal, or
    /// last seen unequal, is not compared again.
    /// </summary>
    private struct StringTest(string[] values, int[]? rows, string constant, bool equal) : IRowTest
    {
        private string? _equal;
        private string? _unequal;

        public bool Passes(int row)
        {
            var v = values[rows is null ? row : rows[row]];
            if (ReferenceEquals(v, _equal))
            {
                return equal;
            }

            if (ReferenceEquals(v, _unequal))
            {
                return !equal;
            }

            if (string.Equals(v, constant, StringComparison.Ordinal))
            {
                _equal = v;
                return equal;
            }

            _unequal = v;
            return !equal;
        }
    }

    private readonly struct BoolTest(bool[] values, bool[]? nulls, int[]? rows, bool target, bool nullPasses) : IRowTest
    {
        public bool Passes(int row)
        {
            var at = rows is null ? row : rows[row];
            return nulls is not null && nulls[at] ? nullPasses : values[at] == target;
        }
    }
}
