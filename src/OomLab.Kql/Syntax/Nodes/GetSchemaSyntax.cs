namespace OomLab.Kql.Syntax;

/// <summary><c>getschema</c>: the input's columns as rows (ColumnName, ColumnOrdinal, DataType, ColumnType).</summary>
internal sealed record GetSchemaSyntax(TextSpan Span) : QueryOperatorSyntax(Span);
