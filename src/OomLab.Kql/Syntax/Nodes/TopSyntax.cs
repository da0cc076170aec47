namespace OomLab.Kql.Syntax;

/// <summary><c>top N by key</c>.</summary>
internal sealed record TopSyntax(ExpressionSyntax Count, SortKeySyntax Key, TextSpan Span) : QueryOperatorSyntax(Span);
