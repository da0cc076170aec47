namespace OomLab.Kql.Syntax;

/// <summary>A function call; <c>count()</c> and friends included.</summary>
internal sealed record CallSyntax(string Name, TextSpan NameSpan, IReadOnlyList<ExpressionSyntax> Arguments, TextSpan Span) : ExpressionSyntax(Span);
