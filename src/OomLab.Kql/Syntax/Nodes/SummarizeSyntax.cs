namespace OomLab.Kql.Syntax;

/// <summary><c>summarize aggregates by keys</c>.</summary>
internal sealed record SummarizeSyntax(IReadOnlyList<NamedExpressionSyntax> Aggregates, IReadOnlyList<NamedExpressionSyntax> Keys, TextSpan Span) : QueryOperatorSyntax(Span);
