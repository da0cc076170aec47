using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>render</c>: the rows pass through; the chart kind is kept as a hint on the result.</summary>
internal sealed class RenderPlan(QueryPlan input, KqlRenderHint hint, TextSpan span) : QueryPlan(input.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context) => input.Execute(context).WithRender(hint);
}
