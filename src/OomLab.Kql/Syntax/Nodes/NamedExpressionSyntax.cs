namespace OomLab.Kql.Syntax;

/// <summary>
/// An optionally named expression, as in <c>project a = x + 1</c>, or one with a tuple of names for an expression of
/// several columns, as in <c>summarize (p50, p95) = percentiles(x, 50, 95)</c> (<see cref="Names"/>; then <see cref="Name"/> is the first).
/// </summary>
internal sealed record NamedExpressionSyntax(string? Name, TextSpan NameSpan, ExpressionSyntax Expression)
{
    public IReadOnlyList<string>? Names { get; init; }

    public TextSpan Span => Name is null ? Expression.Span : NameSpan.Cover(Expression.Span);
}
