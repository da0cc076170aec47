namespace OomLab.Kql.Syntax;

/// <summary>A tabular expression whose result is returned.</summary>
internal sealed record ExpressionStatementSyntax(ExpressionSyntax Expression, TextSpan Span) : StatementSyntax(Span);
