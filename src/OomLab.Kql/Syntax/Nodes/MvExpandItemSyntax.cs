namespace OomLab.Kql.Syntax;

/// <summary>One expanded column of <c>mv-expand</c>, optionally <c>to typeof(T)</c>.</summary>
internal sealed record MvExpandItemSyntax(NamedExpressionSyntax Column, string? TypeName);
