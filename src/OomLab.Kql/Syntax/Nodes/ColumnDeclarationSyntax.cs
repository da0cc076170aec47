namespace OomLab.Kql.Syntax;

/// <summary><c>name:type</c> in <c>datatable</c> and schemas.</summary>
internal sealed record ColumnDeclarationSyntax(string Name, string TypeName, TextSpan Span);
