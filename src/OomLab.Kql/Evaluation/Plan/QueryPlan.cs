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

    /// <summary>
    /// Runs the plan for a consumer that keeps only the rows whose values in <paramref name="keyOrdinals"/> are keys
    /// <paramref name="known"/> has numbered (an inner join's right side, numbered against its left side). A plan that
    /// can skip work for other rows does; it may still return some of them, which the consumer drops.
    /// </summary>
    public virtual KqlTable ExecuteForKeys(EvalContext context, IReadOnlyList<int> keyOrdinals, KeyEncoder known) => Execute(context);

    protected abstract KqlTable ExecuteCore(EvalContext context);

    protected static KqlTable Table(Schema schema, IReadOnlyList<Column> columns, int rows, KqlRenderHint? render = null) =>
        new(string.Empty, schema.Columns.Select((c, i) => new KqlColumn(c.Name, columns[i])).ToList(), rows, render);
}
