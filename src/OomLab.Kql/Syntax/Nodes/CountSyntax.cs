namespace OomLab.Kql.Syntax;

/// <summary><c>count</c> as an operator.</summary>
internal sealed record CountSyntax(TextSpan Span) : QueryOperatorSyntax(Span);
