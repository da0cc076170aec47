namespace OomLab.Kql;

/// <summary>
/// The outcome of a query: either diagnostics (syntax, binding or budget errors, each located) or the
/// result tables, one per tabular statement (the first named <c>PrimaryResult</c>).
/// </summary>
public sealed class KqlResult
{
    internal KqlResult(IReadOnlyList<KqlDiagnostic> diagnostics, IReadOnlyList<KqlTable> tables)
    {
        Diagnostics = diagnostics;
        Tables = tables;
    }

    /// <summary>The problems found; empty when the query ran.</summary>
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; }

    /// <summary>The result tables; empty when there are diagnostics.</summary>
    public IReadOnlyList<KqlTable> Tables { get; }

    /// <summary>Whether the query ran without errors.</summary>
    public bool Succeeded => Diagnostics.Count == 0;

    /// <summary>The first result table.</summary>
    /// <exception cref="InvalidOperationException">The query failed or had no tabular statement.</exception>
    public KqlTable Table => Tables.Count > 0
        ? Tables[0]
        : throw new InvalidOperationException(Succeeded ? "the query has no tabular statement" : "the query failed: " + Diagnostics[0]);
}
