namespace OomLab.Kql.Syntax;

/// <summary>One element of a parse pattern: <c>*</c>, a string constant (<see cref="Text"/>), or a column with an optional type.</summary>
internal sealed record ParseElementSyntax(string? Text, string? Column, string? TypeName, TextSpan Span)
{
    public bool IsStar => Text is null && Column is null;
}
