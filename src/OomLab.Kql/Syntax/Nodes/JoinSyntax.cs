namespace OomLab.Kql.Syntax;

/// <summary><c>join kind=... (right) on keys</c>, or <c>lookup</c> when <see cref="IsLookup"/>.</summary>
internal sealed record JoinSyntax(bool IsLookup, string? Kind, TextSpan KindSpan, ExpressionSyntax Right, IReadOnlyList<JoinConditionSyntax> Conditions, TextSpan Span) : QueryOperatorSyntax(Span);
