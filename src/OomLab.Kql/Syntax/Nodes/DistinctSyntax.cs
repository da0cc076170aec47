namespace OomLab.Kql.Syntax;

/// <summary><c>distinct a, b</c> or <c>distinct *</c> (empty list).</summary>
internal sealed record DistinctSyntax(IReadOnlyList<ExpressionSyntax> Columns, TextSpan Span) : QueryOperatorSyntax(Span);
