using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// A tabular <c>let</c>: evaluated once per query however often it is referenced, and once for all queries
/// when the options share let results (<paramref name="key"/> is the query text up to the end of the let).
/// </summary>
internal sealed class CachedPlan(QueryPlan inner, TextSpan span, string key) : QueryPlan(inner.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        if (!context.Cache.TryGetValue(this, out var table))
        {
            var options = context.Options;

            // Queries running at once that share a let wait for one evaluation of it rather than each making their own.
            table = options.ShareLetResults
                ? options.LetResults.GetOrAdd(key, _ => new Lazy<KqlTable>(() => inner.Execute(context))).Value
                : inner.Execute(context);

            context.Cache[this] = table;
        }

        return table;
    }
}
