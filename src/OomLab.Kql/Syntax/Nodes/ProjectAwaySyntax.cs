namespace OomLab.Kql.Syntax;

/// <summary><c>project-away a, b</c>.</summary>
internal sealed record ProjectAwaySyntax(IReadOnlyList<NameSyntax> Columns, TextSpan Span) : QueryOperatorSyntax(Span);
