using System.Buffers;
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
        if (predicate.SelectRows(context, table) is { } selected)
        {
            return selected.Length == table.RowCount ? table : Select(table, selected);
        }

        var mask = (BoolColumn)predicate.Evaluate(context, table);
        var values = mask.Values;
        var nulls = mask.Nulls;
        var n = values.Length;

        // One branch-free pass into scratch space (a mask of random rows mispredicts every other branch), then one copy.
        var scratch = ArrayPool<int>.Shared.Rent(n);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            scratch[count] = i;
            count += (values[i] && (nulls is null || !nulls[i])) ? 1 : 0;
        }

        if (count == table.RowCount)
        {
            ArrayPool<int>.Shared.Return(scratch);
            return table;
        }

        var rows = scratch.AsSpan(0, count).ToArray();
        ArrayPool<int>.Shared.Return(scratch);
        return Select(table, rows);
    }

    public static KqlTable Select(KqlTable table, int[] rows)
    {
        var columns = new List<KqlColumn>(table.Columns.Count);
        var composer = new SelectedColumn.RowComposer(rows);
        foreach (var column in table.Columns)
        {
            columns.Add(column.Derive(column.Name, rows.Length, data => data is SelectedColumn selected ? selected.Select(composer) : new SelectedColumn(data, rows)));
        }

        return new KqlTable(table.Name, columns, rows.Length, table.Render);
    }
}
