namespace OomLab.Kql.Syntax;

/// <summary><c>*</c> as an argument (<c>arg_max(x, *)</c>) or a column list.</summary>
internal sealed record StarSyntax(TextSpan Span) : ExpressionSyntax(Span);
