namespace OomLab.Kql.Syntax;

/// <summary>Dynamic index access <c>x["Key"]</c> or <c>x[0]</c>.</summary>
internal sealed record IndexSyntax(ExpressionSyntax Target, ExpressionSyntax Index, TextSpan Span) : ExpressionSyntax(Span);
