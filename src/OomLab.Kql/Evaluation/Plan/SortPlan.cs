using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary><c>order by</c>/<c>sort by</c> (stable), and <c>top N by</c> when a limit is given.</summary>
internal sealed class SortPlan(QueryPlan input, IReadOnlyList<BoundSortKey> keys, long? limit, TextSpan span) : QueryPlan(input.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        var n = table.RowCount;
        var comparers = keys.Select(k => Comparer(k, k.Expression.Evaluate(context, table))).ToArray();
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        Array.Sort(rows, (a, b) =>
        {
            foreach (var compare in comparers)
            {
                var c = compare(a, b);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b);
        });
        if (limit is { } take && take < n)
        {
            rows = rows[..(int)Math.Max(0, take)];
        }

        return FilterPlan.Select(table, rows);
    }

    private static Comparison<int> Comparer(BoundSortKey key, Column column)
    {
        var sign = key.Descending ? -1 : 1;
        var nullOrder = key.NullsFirst ? -1 : 1;
        Comparison<int> values = column switch
        {
            Int64Column c => (a, b) => c.Values[a].CompareTo(c.Values[b]),
            RealColumn c => (a, b) => c.Values[a].CompareTo(c.Values[b]),
            BoolColumn c => (a, b) => c.Values[a].CompareTo(c.Values[b]),
            StringColumn c => (a, b) => string.CompareOrdinal(c.Values[a], c.Values[b]),
            _ => (a, b) => ValueComparer.Compare(column.Get(a), column.Get(b)),
        };
        return (a, b) =>
        {
            var an = column.IsNull(a);
            var bn = column.IsNull(b);
            if (an || bn)
            {
                return an == bn ? 0 : an ? nullOrder : -nullOrder;
            }

            return sign * values(a, b);
        };
    }
}
