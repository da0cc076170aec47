namespace OomLab.Kql.Syntax;

/// <summary><c>datatable(a:long, b:string)[1, "x"]</c>.</summary>
internal sealed record DataTableSyntax(IReadOnlyList<ColumnDeclarationSyntax> Columns, IReadOnlyList<ExpressionSyntax> Values, TextSpan Span) : ExpressionSyntax(Span);
