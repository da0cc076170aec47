namespace OomLab.Kql.Syntax;

/// <summary><c>order by</c> / <c>sort by</c>.</summary>
internal sealed record SortSyntax(IReadOnlyList<SortKeySyntax> Keys, TextSpan Span) : QueryOperatorSyntax(Span);
