namespace OomLab.Kql.Syntax;

/// <summary>What a literal token denotes.</summary>
internal enum LiteralKind
{
    Long,
    Real,
    String,
    Bool,
    Timespan,
    Raw,
}
