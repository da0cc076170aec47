using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>Stands in for an expression that failed to bind, so binding goes on without cascading errors.</summary>
internal sealed class BoundError(TextSpan span) : BoundExpression(KqlType.Dynamic, span)
{
    public override bool IsFoldable => false;

    public override Column Evaluate(EvalContext context, KqlTable input) => throw new InvalidOperationException("a query with binding errors is never evaluated");
}
