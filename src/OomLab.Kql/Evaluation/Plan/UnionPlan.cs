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
            // Built when first read: a union's inputs carry every column of their tables, most of them unread.
            var sources = tables.Select((table, t) => inputs[t].Schema.IndexOf(name) >= 0 ? table.Column(name) : null).ToList();
            columns.Add(new KqlColumn(name, type, (int)total, () => Concatenate(type, (int)total, tables, sources)));
        }

        return new KqlTable(string.Empty, columns, (int)total);
    }

    private static Column Concatenate(KqlType type, int total, List<KqlTable> tables, List<KqlColumn?> sources)
    {
        var column = Column.Create(type, total);
        var at = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            var source = sources[t]?.Data;
            for (var i = 0; i < tables[t].RowCount; i++, at++)
            {
                column.Set(at, source is not null ? source.Get(i) : KqlValue.Null(type));
            }
        }

        return column;
    }
}
