namespace OomLab.Kql.Syntax;

/// <summary>An optionally named expression, as in <c>project a = x + 1</c>.</summary>
internal sealed record NamedExpressionSyntax(string? Name, TextSpan NameSpan, ExpressionSyntax Expression)
{
    public TextSpan Span => Name is null ? Expression.Span : NameSpan.Cover(Expression.Span);
}
