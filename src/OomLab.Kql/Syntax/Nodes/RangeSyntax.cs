namespace OomLab.Kql.Syntax;

/// <summary><c>range x from a to b step s</c>.</summary>
internal sealed record RangeSyntax(string Name, ExpressionSyntax From, ExpressionSyntax To, ExpressionSyntax Step, TextSpan Span) : ExpressionSyntax(Span);
