using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>mv-apply</c>: for each input row, its arrays expanded (as <c>mv-expand</c> does) and the subquery run over those
/// rows alone; the output is every row's subquery result, one after the other, after the row's columns that the
/// subquery's output does not have (mv-apply-operator.md: a summarize in the subquery keeps the row's other columns).
/// </summary>
internal sealed class MvApplyPlan(QueryPlan input, RowSourcePlan row, QueryPlan subquery, Schema schema, TextSpan span) : QueryPlan(schema, span)
{
    /// <summary>The output: the input's columns that the subquery's output lacks, then the subquery's columns.</summary>
    public static Schema OutputSchema(Schema input, Schema subquery) =>
        new([.. input.Columns.Where(c => subquery.IndexOf(c.Name) < 0), .. subquery.Columns]);

    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        var results = new List<KqlTable>();
        var total = 0L;
        for (var r = 0; r < table.RowCount; r++)
        {
            row.Current = FilterPlan.Select(table, [r]);
            var result = subquery.Execute(context);
            total += result.RowCount;
            context.CheckBudget(Span, "mv-apply", total, 16L * Schema.Columns.Count);
            results.Add(result);
        }

        row.Current = null;
        var kept = Schema.Columns.Count - subquery.Schema.Columns.Count;
        var columns = new List<KqlColumn>();
        for (var c = 0; c < Schema.Columns.Count; c++)
        {
            var (name, type) = Schema.Columns[c];
            var column = Column.Create(type, (int)total);
            var at = 0;
            for (var r = 0; r < results.Count; r++)
            {
                var result = results[r];
                var data = c < kept ? table.Columns[input.Schema.IndexOf(name)].Data : result.Columns[c - kept].Data;
                for (var i = 0; i < result.RowCount; i++)
                {
                    column.Set(at++, data.Get(c < kept ? r : i));
                }
            }

            columns.Add(new KqlColumn(name, column));
        }

        return new KqlTable(string.Empty, columns, (int)total);
    }
}
