using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>A bound tabular operator: its output schema is known at bind time; <see cref="Execute"/> computes it.</summary>
internal abstract class QueryPlan(Schema schema, TextSpan span)
{
    public Schema Schema { get; } = schema;

    public TextSpan Span { get; } = span;

    public KqlTable Execute(EvalContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return ExecuteCore(context);
    }

    protected abstract KqlTable ExecuteCore(EvalContext context);

    protected static KqlTable Table(Schema schema, IReadOnlyList<Column> columns, int rows, KqlRenderHint? render = null) =>
        new(string.Empty, schema.Columns.Select((c, i) => new KqlColumn(c.Name, columns[i])).ToList(), rows, render);
}
