namespace OomLab.Kql.Syntax;

/// <summary><c>project</c> (replace columns) or <c>extend</c> (add or replace columns).</summary>
internal sealed record ProjectSyntax(bool IsExtend, IReadOnlyList<NamedExpressionSyntax> Columns, TextSpan Span) : QueryOperatorSyntax(Span);
