namespace OomLab.Kql.Syntax;

/// <summary>An operator after a pipe.</summary>
internal abstract record QueryOperatorSyntax(TextSpan Span);
