namespace OomLab.Kql.Syntax;

/// <summary>A bare or quoted name: a column, a let name or a table.</summary>
internal sealed record NameSyntax(string Name, TextSpan Span) : ExpressionSyntax(Span);
