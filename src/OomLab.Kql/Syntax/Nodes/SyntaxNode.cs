namespace OomLab.Kql.Syntax;

/// <summary>Base of the syntax tree; every node knows the span of text it came from.</summary>
internal abstract record SyntaxNode(TextSpan Span);
