namespace OomLab.Kql.Syntax;

/// <summary><c>where predicate</c>.</summary>
internal sealed record WhereSyntax(ExpressionSyntax Predicate, TextSpan Span) : QueryOperatorSyntax(Span);
