namespace OomLab.Kql.Syntax;

/// <summary>A parameter of a user-defined function: a name, whether it takes a table, and the span of a default value's text.</summary>
internal sealed record FunctionParameterSyntax(string Name, bool IsTabular, TextSpan? Default);
