namespace OomLab.Kql.Syntax;

/// <summary>A scalar or tabular expression (a pipe is an expression too).</summary>
internal abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);
