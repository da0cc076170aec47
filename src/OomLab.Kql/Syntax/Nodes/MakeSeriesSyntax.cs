namespace OomLab.Kql.Syntax;

/// <summary>
/// <c>make-series [kind=nonempty] [name =] aggregate [default = v], ... on axis [from start] [to end] step s [by keys]</c>
/// (make-series-operator.md).
/// </summary>
internal sealed record MakeSeriesSyntax(
    bool NonEmpty,
    IReadOnlyList<(NamedExpressionSyntax Aggregate, ExpressionSyntax? Default)> Aggregates,
    ExpressionSyntax Axis,
    ExpressionSyntax? From,
    ExpressionSyntax? To,
    ExpressionSyntax Step,
    IReadOnlyList<NamedExpressionSyntax> Keys,
    TextSpan Span) : QueryOperatorSyntax(Span);
