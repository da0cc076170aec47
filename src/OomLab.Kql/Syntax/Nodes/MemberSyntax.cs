namespace OomLab.Kql.Syntax;

/// <summary>Dynamic member access <c>x.Key</c>.</summary>
internal sealed record MemberSyntax(ExpressionSyntax Target, string Member, TextSpan Span) : ExpressionSyntax(Span);
