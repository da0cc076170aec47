using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>summarize</c>: rows are numbered by a hash of their key tuple, each slot aggregates per group,
/// then each output expression is evaluated over the grouped table (keys, slot columns, and the
/// outputs before it, so <c>rate = 100.0 * failures / total</c> may use earlier outputs).
/// Without keys there is exactly one group, even over no rows.
/// </summary>
internal sealed class SummarizePlan(
    QueryPlan input,
    Schema schema,
    IReadOnlyList<BoundExpression> keys,
    IReadOnlyList<SummarizeSlot> slots,
    IReadOnlyList<BoundExpression> outputs,
    TextSpan span) : QueryPlan(schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context) => Summarize(context, input.Execute(context));

    /// <summary>
    /// When the wanted keys are group keys read straight from input columns, a group is wanted exactly when the key
    /// values its rows share are: only the input rows with those values are grouped.
    /// </summary>
    public override KqlTable ExecuteForKeys(EvalContext context, IReadOnlyList<int> keyOrdinals, KeyEncoder known)
    {
        var inputOrdinals = keyOrdinals.Select(k => k < keys.Count && keys[k] is BoundColumnReference column ? column.Ordinal : -1).ToArray();
        if (inputOrdinals.Contains(-1))
        {
            return base.ExecuteForKeys(context, keyOrdinals, known);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        return Summarize(context, input.ExecuteForKeys(context, inputOrdinals, known));
    }

    private KqlTable Summarize(EvalContext context, KqlTable table)
    {
        var n = table.RowCount;
        var keyColumns = keys.Select(k => k.Evaluate(context, table)).ToArray();
        var encoder = new KeyEncoder(keyColumns.Length);
        var groups = encoder.Encode(keyColumns, n);
        var groupCount = keyColumns.Length == 0 ? 1 : encoder.Count;
        var firstRows = new int[groupCount];
        Array.Fill(firstRows, -1);
        for (var i = 0; i < n; i++)
        {
            if (firstRows[groups[i]] < 0)
            {
                firstRows[groups[i]] = i;
            }
        }

        var columns = new List<KqlColumn>();
        for (var k = 0; k < keyColumns.Length; k++)
        {
            columns.Add(new KqlColumn(Schema.Columns[k].Name, keyColumns[k].Gather(firstRows).Materialize()));
        }

        foreach (var slot in slots)
        {
            foreach (var column in slot.Compute(context, table, groups, groupCount))
            {
                columns.Add(new KqlColumn(string.Empty, column));
            }
        }

        var grouped = new KqlTable(string.Empty, columns, groupCount);
        var result = columns.Take(keyColumns.Length).ToList();
        for (var o = 0; o < outputs.Count; o++)
        {
            var data = outputs[o].Evaluate(context, grouped);
            var column = new KqlColumn(Schema.Columns[keyColumns.Length + o].Name, data);
            columns.Add(column);
            result.Add(column);
            grouped = new KqlTable(string.Empty, columns, groupCount);
        }

        return new KqlTable(string.Empty, result, groupCount);
    }
}
