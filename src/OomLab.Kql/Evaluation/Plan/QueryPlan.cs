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
    /// <paramref name="known"/> has numbered (an inner join's right side, numbered against its left side), and gives
    /// those rows alone. Row-by-row operators pass the request to their input, so that the rows are dropped before
    /// the work on them (a join of a summary by <c>operation_Id</c> with a few crashed invocations reads and groups
    /// their rows, not every invocation's).
    /// </summary>
    public virtual KqlTable ExecuteForKeys(EvalContext context, IReadOnlyList<int> keyOrdinals, KeyEncoder known) =>
        KeepKeys(Execute(context), keyOrdinals, known);

    protected static KqlTable KeepKeys(KqlTable table, IReadOnlyList<int> keyOrdinals, KeyEncoder known)
    {
        var codes = known.Encode([.. keyOrdinals.Select(o => table.Columns[o].Data)], table.RowCount, addNew: false);
        var rows = Enumerable.Range(0, codes.Length).Where(i => codes[i] >= 0).ToArray();
        return rows.Length == table.RowCount ? table : FilterPlan.Select(table, rows);
    }

    protected abstract KqlTable ExecuteCore(EvalContext context);

    protected static KqlTable Table(Schema schema, IReadOnlyList<Column> columns, int rows, KqlRenderHint? render = null) =>
        new(string.Empty, schema.Columns.Select((c, i) => new KqlColumn(c.Name, columns[i])).ToList(), rows, render);
}
