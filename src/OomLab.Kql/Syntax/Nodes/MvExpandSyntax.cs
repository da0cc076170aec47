namespace OomLab.Kql.Syntax;

/// <summary><c>mv-expand col [to typeof(T)] [limit n]</c>.</summary>
internal sealed record MvExpandSyntax(IReadOnlyList<MvExpandItemSyntax> Items, ExpressionSyntax? Limit, TextSpan Span) : QueryOperatorSyntax(Span);
