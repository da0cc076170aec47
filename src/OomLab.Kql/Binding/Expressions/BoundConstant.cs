using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>A constant (a literal, a scalar let, or a folded expression).</summary>
internal sealed class BoundConstant(KqlValue value, TextSpan span) : BoundExpression(value.Type, span)
{
    public KqlValue Value { get; } = value;

    public override Column Evaluate(EvalContext context, KqlTable input) => Column.Constant(Value, input.RowCount);
}
