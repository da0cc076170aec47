namespace OomLab.Kql.Syntax;

/// <summary>A prefix operator: <c>-x</c>, <c>+x</c>, <c>not(x)</c> is a call.</summary>
internal sealed record UnarySyntax(string Operator, ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span);
