namespace OomLab.Kql.Syntax;

/// <summary><c>take N</c> / <c>limit N</c>.</summary>
internal sealed record TakeSyntax(ExpressionSyntax Count, TextSpan Span) : QueryOperatorSyntax(Span);
