namespace OomLab.Kql.Binding;

internal enum StringOperator
{
    Has,
    HasCs,
    Contains,
    ContainsCs,
    StartsWith,
    StartsWithCs,
    EndsWith,
    EndsWithCs,
    HasPrefix,
    HasSuffix,
    EqualsIgnoreCase,
    MatchesRegex,
}
