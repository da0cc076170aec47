using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>where</c>: evaluates the predicate over the columns it reads and keeps a selection vector of the
/// passing rows; other columns are not copied until something reads them.
/// </summary>
internal sealed class FilterPlan(QueryPlan input, BoundExpression predicate, TextSpan span) : QueryPlan(input.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context) => Keep(context, input.Execute(context));

    /// <summary>A row-by-row predicate: the input's rows with other keys need not be tested.</summary>
    public override KqlTable ExecuteForKeys(EvalContext context, IReadOnlyList<int> keyOrdinals, KeyEncoder known)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return Keep(context, input.ExecuteForKeys(context, keyOrdinals, known));
    }

    private KqlTable Keep(EvalContext context, KqlTable table)
    {
        var mask = (BoolColumn)predicate.Evaluate(context, table);
        var values = mask.Values;
        var nulls = mask.Nulls;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] && (nulls is null || !nulls[i]))
            {
                count++;
            }
        }

        if (count == table.RowCount)
        {
            return table;
        }

        var rows = new int[count];
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] && (nulls is null || !nulls[i]))
            {
                rows[at++] = i;
            }
        }

        return Select(table, rows);
    }

    public static KqlTable Select(KqlTable table, int[] rows)
    {
        var columns = new List<KqlColumn>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            columns.Add(column.Derive(column.Name, rows.Length, data => data is SelectedColumn selected ? selected.Gather(rows) : new SelectedColumn(data, rows)));
        }

        return new KqlTable(table.Name, columns, rows.Length, table.Render);
    }
}
