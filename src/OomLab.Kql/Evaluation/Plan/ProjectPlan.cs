using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>project</c>, <c>extend</c>, <c>project-away</c>, <c>project-rename</c>: output columns as expressions over the input.</summary>
internal sealed class ProjectPlan(QueryPlan input, Schema schema, IReadOnlyList<BoundExpression> expressions, TextSpan span) : QueryPlan(schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context) => Project(context, input.Execute(context));

    /// <summary>Row-by-row expressions: when the wanted keys are input columns passed through, only the input's rows with those keys are computed.</summary>
    public override KqlTable ExecuteForKeys(EvalContext context, IReadOnlyList<int> keyOrdinals, KeyEncoder known)
    {
        var inputOrdinals = keyOrdinals.Select(k => expressions[k] is BoundColumnReference column ? column.Ordinal : -1).ToArray();
        if (inputOrdinals.Contains(-1))
        {
            return base.ExecuteForKeys(context, keyOrdinals, known);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        return Project(context, input.ExecuteForKeys(context, inputOrdinals, known));
    }

    private KqlTable Project(EvalContext context, KqlTable table)
    {
        var columns = new List<KqlColumn>(expressions.Count);
        for (var i = 0; i < expressions.Count; i++)
        {
            // Plain column references keep the input column (and its lazy selection) as is.
            var name = Schema.Columns[i].Name;
            columns.Add(expressions[i] is BoundColumnReference reference
                ? table.Columns[reference.Ordinal].Rename(name)
                : new KqlColumn(name, expressions[i].Evaluate(context, table)));
        }

        return new KqlTable(string.Empty, columns, table.RowCount, table.Render);
    }
}
