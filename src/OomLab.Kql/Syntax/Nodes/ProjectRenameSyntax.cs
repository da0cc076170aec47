namespace OomLab.Kql.Syntax;

/// <summary><c>project-rename new = old</c>.</summary>
internal sealed record ProjectRenameSyntax(IReadOnlyList<(NameSyntax NewName, NameSyntax OldName)> Renames, TextSpan Span) : QueryOperatorSyntax(Span);
