using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>A table known at bind time: a source table, a <c>datatable</c>.</summary>
internal sealed class ConstantTablePlan(KqlTable table, TextSpan span) : QueryPlan(Schema.Of(table), span)
{
    protected override KqlTable ExecuteCore(EvalContext context) => table;
}
