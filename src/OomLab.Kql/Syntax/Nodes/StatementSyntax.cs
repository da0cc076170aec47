namespace OomLab.Kql.Syntax;

/// <summary>A statement of a query.</summary>
internal abstract record StatementSyntax(TextSpan Span);
