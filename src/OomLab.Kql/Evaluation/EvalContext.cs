using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>What evaluation needs besides the data: options, the query's fixed <c>now()</c>, cancellation, caches.</summary>
internal sealed class EvalContext
{
    public EvalContext(KqlOptions options, CancellationToken cancellationToken)
    {
        Options = options;
        NowTicks = options.TimeProvider.GetUtcNow().UtcDateTime.Ticks;
        CancellationToken = cancellationToken;
    }

    public KqlOptions Options { get; }

    public long NowTicks { get; }

    public CancellationToken CancellationToken { get; }

    public Dictionary<object, KqlTable> Cache { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Stops an operator before it materialises more rows or bytes than the budget allows.</summary>
    public void CheckBudget(TextSpan span, string what, long rows, long bytesPerRow)
    {
        if (rows > Options.MaxRows)
        {
            throw new KqlRuntimeException(span, Messages.RowBudgetExceeded(what, rows, Options.MaxRows));
        }

        var bytes = rows * Math.Max(1, bytesPerRow);
        if (bytes > Options.MaxMemoryBytes)
        {
            throw new KqlRuntimeException(span, Messages.MemoryBudgetExceeded(what, bytes, Options.MaxMemoryBytes));
        }
    }
}
