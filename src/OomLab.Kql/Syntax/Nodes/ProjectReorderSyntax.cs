namespace OomLab.Kql.Syntax;

/// <summary><c>project-reorder a, b*</c>: the named columns (a trailing <c>*</c> matches a prefix) first, the rest after.</summary>
internal sealed record ProjectReorderSyntax(IReadOnlyList<NameSyntax> Columns, TextSpan Span) : QueryOperatorSyntax(Span);
