namespace OomLab.Kql.Syntax;

/// <summary>A literal; raw literals hold <c>datetime(...)</c>, <c>timespan(...)</c>, <c>dynamic(...)</c> and typed nulls.</summary>
internal sealed record LiteralSyntax(LiteralKind Kind, Token Token, TextSpan Span) : ExpressionSyntax(Span);
