namespace OomLab.Kql.Syntax;

/// <summary><c>source | operator</c>.</summary>
internal sealed record PipeSyntax(ExpressionSyntax Source, QueryOperatorSyntax Operator, TextSpan Span) : ExpressionSyntax(Span);
