namespace OomLab.Kql.Syntax;

/// <summary><c>print a = 1, b = "x"</c>: one row.</summary>
internal sealed record PrintSyntax(IReadOnlyList<NamedExpressionSyntax> Columns, TextSpan Span) : ExpressionSyntax(Span);
