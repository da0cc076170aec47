using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>take</c>/<c>limit</c>: the first N rows in the input's order.</summary>
internal sealed class TakePlan(QueryPlan input, long count, TextSpan span) : QueryPlan(input.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        if (table.RowCount <= count)
        {
            return table;
        }

        var rows = new int[(int)Math.Max(0, count)];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        return FilterPlan.Select(table, rows);
    }
}
