namespace OomLab.Kql.Syntax;

/// <summary><c>| union T2, T3</c>.</summary>
internal sealed record UnionOperatorSyntax(IReadOnlyList<ExpressionSyntax> Tables, TextSpan Span) : QueryOperatorSyntax(Span);
