using OomLab.Kql.Binding;

namespace OomLab.Kql.Evaluation;

/// <summary>A single-column aggregate such as <c>count()</c> or <c>percentile(x, 95)</c>.</summary>
internal sealed class AggregateSlot(AggregateFunction function, IReadOnlyList<BoundExpression> arguments, KqlType type) : SummarizeSlot
{
    public override IReadOnlyList<KqlType> Types { get; } = [type];

    public override Column[] Compute(EvalContext context, KqlTable input, int[] groups, int groupCount)
    {
        var args = arguments.Select(a => a.Evaluate(context, input)).ToArray();
        return [function.Kernel(args, groups, groupCount, context)];
    }
}
