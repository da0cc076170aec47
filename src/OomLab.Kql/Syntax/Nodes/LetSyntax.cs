namespace OomLab.Kql.Syntax;

/// <summary><c>let name = expression</c>.</summary>
internal sealed record LetSyntax(NameSyntax Name, ExpressionSyntax Value, TextSpan Span) : StatementSyntax(Span);
