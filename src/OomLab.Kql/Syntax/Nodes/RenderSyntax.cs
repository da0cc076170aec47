namespace OomLab.Kql.Syntax;

/// <summary><c>render chart with (k = v, ...)</c>: kept as a hint on the result.</summary>
internal sealed record RenderSyntax(string Chart, IReadOnlyDictionary<string, string> Properties, TextSpan Span) : QueryOperatorSyntax(Span);
