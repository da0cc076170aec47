namespace OomLab.Kql.Syntax;

/// <summary>
/// A user-defined function, <c>let f = (x:long, T:(*), y:string = "d") { body }</c> (functions/user-defined-functions.md):
/// its parameters and the span of its body's text between the braces.
/// </summary>
internal sealed record FunctionSyntax(IReadOnlyList<FunctionParameterSyntax> Parameters, TextSpan Body, TextSpan Span) : ExpressionSyntax(Span);
