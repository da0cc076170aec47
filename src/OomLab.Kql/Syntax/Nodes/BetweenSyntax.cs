namespace OomLab.Kql.Syntax;

/// <summary><c>x between (a .. b)</c>, inclusive at both ends; negated for <c>!between</c>.</summary>
internal sealed record BetweenSyntax(ExpressionSyntax Value, ExpressionSyntax Low, ExpressionSyntax High, bool Negated, TextSpan Span) : ExpressionSyntax(Span);
