namespace OomLab.Kql;

/// <summary>
/// A problem found in a query: a stable code (<c>KQL0xx</c> for syntax and binding, <c>KQL09x</c> for
/// resource budgets), where it is (1-based line and column, length in characters, 0-based offset) and
/// a message. <see cref="Format"/> renders it with the query line and a caret under the span.
/// </summary>
public sealed record KqlDiagnostic(string Code, int Line, int Column, int Length, string Message, int Offset)
{
    /// <summary>
    /// Renders <c>source:line:col: error CODE: message</c>, then the offending query line and a caret line.
    /// </summary>
    /// <param name="query">The query text the diagnostic was reported for.</param>
    /// <param name="sourceName">What to print before the position; <c>query</c> by default.</param>
    public string Format(string query, string? sourceName = null) => DiagnosticFormatter.Format(this, query, sourceName ?? "query");

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: error {Code}: {Message}";
}
