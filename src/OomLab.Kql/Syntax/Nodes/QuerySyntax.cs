namespace OomLab.Kql.Syntax;

/// <summary>A whole query: statements separated by semicolons.</summary>
internal sealed record QuerySyntax(IReadOnlyList<StatementSyntax> Statements);
