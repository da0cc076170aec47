namespace OomLab.Kql.Syntax;

/// <summary><c>evaluate plugin(arguments)</c>; arguments may be named (<c>columnsConflict='keep_source'</c>).</summary>
internal sealed record EvaluateSyntax(string Plugin, TextSpan PluginSpan, IReadOnlyList<NamedExpressionSyntax> Arguments, TextSpan Span) : QueryOperatorSyntax(Span);
