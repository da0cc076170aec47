namespace OomLab.Kql.Syntax;

/// <summary>
/// <c>parse</c> or <c>parse-where</c> <c>[kind=simple|regex|relaxed] [flags=f] Expression with [*] "text" Column[:type] [*] ...</c> (parse-operator.md).
/// </summary>
internal sealed record ParseSyntax(string Kind, string? Flags, ExpressionSyntax Source, IReadOnlyList<ParseElementSyntax> Elements, TextSpan Span) : QueryOperatorSyntax(Span)
{
    /// <summary><c>parse-where</c>: rows that do not match are dropped rather than given nulls.</summary>
    public bool DropsUnmatched { get; init; }
}
