using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>union</c>: rows of all inputs, columns matched by name; a column missing from an input is null there.</summary>
internal sealed class UnionPlan(IReadOnlyList<QueryPlan> inputs, Schema schema, TextSpan span) : QueryPlan(schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var tables = inputs.Select(i => i.Execute(context)).ToList();
        long total = tables.Sum(t => (long)t.RowCount);
        context.CheckBudget(Span, "union", total, 8L * Schema.Columns.Count);
        var columns = new List<KqlColumn>();
        foreach (var (name, type) in Schema.Columns)
        {
            var column = Column.Create(type, (int)total);
            var at = 0;
            for (var t = 0; t < tables.Count; t++)
            {
                var source = tables[t].Column(name);
                var plan = inputs[t];
                var ordinal = plan.Schema.IndexOf(name);
                for (var i = 0; i < tables[t].RowCount; i++, at++)
                {
                    column.Set(at, ordinal >= 0 && source is not null ? source.Data.Get(i) : KqlValue.Null(type));
                }
            }

            columns.Add(new KqlColumn(name, column));
        }

        return new KqlTable(string.Empty, columns, (int)total);
    }
}
