namespace OomLab.Kql.Syntax;

/// <summary>A binary operator: arithmetic, comparison, logical or a string operator such as <c>has</c>.</summary>
internal sealed record BinarySyntax(string Operator, ExpressionSyntax Left, ExpressionSyntax Right, TextSpan OperatorSpan, TextSpan Span) : ExpressionSyntax(Span);
