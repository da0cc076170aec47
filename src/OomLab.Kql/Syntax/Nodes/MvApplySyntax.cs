namespace OomLab.Kql.Syntax;

/// <summary><c>mv-apply [options] col [to typeof(T)], ... [limit n] on (operator | operator ...)</c> (mv-apply-operator.md).</summary>
internal sealed record MvApplySyntax(MvExpandSyntax Expand, IReadOnlyList<QueryOperatorSyntax> Operators, TextSpan Span) : QueryOperatorSyntax(Span);
