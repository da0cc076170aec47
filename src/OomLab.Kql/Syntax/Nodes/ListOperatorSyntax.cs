namespace OomLab.Kql.Syntax;

/// <summary>A set operator with a list on the right: <c>in</c>, <c>in~</c>, <c>!in</c>, <c>!in~</c>, <c>has_any</c>, <c>has_all</c>.</summary>
internal sealed record ListOperatorSyntax(string Operator, ExpressionSyntax Value, IReadOnlyList<ExpressionSyntax> Items, TextSpan OperatorSpan, TextSpan Span) : ExpressionSyntax(Span);
