namespace OomLab.Kql.Syntax;

/// <summary><c>union T1, T2, (query)</c>; as an operator the piped input is the first table.</summary>
internal sealed record UnionSyntax(IReadOnlyList<ExpressionSyntax> Tables, TextSpan Span) : ExpressionSyntax(Span);
