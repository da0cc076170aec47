using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>A tabular <c>let</c>: evaluated once per query however often it is referenced.</summary>
internal sealed class CachedPlan(QueryPlan inner, TextSpan span) : QueryPlan(inner.Schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        if (!context.Cache.TryGetValue(this, out var table))
        {
            table = inner.Execute(context);
            context.Cache[this] = table;
        }

        return table;
    }
}
