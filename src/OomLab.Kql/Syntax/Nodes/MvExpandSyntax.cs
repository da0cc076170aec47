namespace OomLab.Kql.Syntax;

/// <summary>
/// <c>mv-expand [bagexpansion=bag|array] [with_itemindex=Name] col [to typeof(T)] [limit n]</c>
/// (<c>kind=</c> is the older spelling of <c>bagexpansion=</c>).
/// </summary>
internal sealed record MvExpandSyntax(IReadOnlyList<MvExpandItemSyntax> Items, ExpressionSyntax? Limit, TextSpan Span) : QueryOperatorSyntax(Span)
{
    /// <summary>Whether a property bag expands into <c>[key, value]</c> arrays rather than one-key bags.</summary>
    public bool BagsAsArrays { get; init; }

    /// <summary>The name of a column holding each element's index, or null.</summary>
    public string? IndexName { get; init; }
}
