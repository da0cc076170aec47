using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>The input of <c>mv-apply</c>'s subquery: the one row that <see cref="MvApplyPlan"/> is applying it to.</summary>
internal sealed class RowSourcePlan(Schema schema, TextSpan span) : QueryPlan(schema, span)
{
    public KqlTable? Current { get; set; }

    protected override KqlTable ExecuteCore(EvalContext context) => Current ?? throw new InvalidOperationException("mv-apply's row is not set");
}
