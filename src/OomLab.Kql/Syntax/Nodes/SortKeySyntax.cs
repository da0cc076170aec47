namespace OomLab.Kql.Syntax;

/// <summary>One key of <c>order by</c>: descending unless <c>asc</c>; nulls last for descending, first for ascending unless stated.</summary>
internal sealed record SortKeySyntax(ExpressionSyntax Expression, bool Descending, bool? NullsFirst);
