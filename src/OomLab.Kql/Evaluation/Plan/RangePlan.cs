using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>range x from a to b step s</c> over longs, reals, datetimes or timespans; inclusive of b.</summary>
internal sealed class RangePlan(string name, KqlValue from, KqlValue to, KqlValue step, TextSpan span)
    : QueryPlan(new Schema([(name, from.Type == KqlType.Int ? KqlType.Long : from.Type)]), span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var type = Schema.Columns[0].Type;
        if (type == KqlType.Real || step.Type == KqlType.Real)
        {
            var a = from.AsReal() ?? 0;
            var b = to.AsReal() ?? 0;
            var s = step.AsReal() ?? 0;
            var count = s == 0 || (b - a) / s < 0 ? 0 : (long)Math.Floor((b - a) / s) + 1;
            context.CheckBudget(Span, "range", count, 8);
            var values = new double[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = a + (i * s);
            }

            return Table(Schema, [new RealColumn(values, null)], values.Length);
        }

        var start = from.Long;
        var size = step.Long;
        var n = size == 0 || (to.Long - start) / (double)size < 0 ? 0 : ((to.Long - start) / size) + 1;
        context.CheckBudget(Span, "range", n, 8);
        var longs = new long[n];
        for (var i = 0; i < n; i++)
        {
            longs[i] = start + (i * size);
        }

        return Table(Schema, [new Int64Column(type, longs, null)], longs.Length);
    }
}
