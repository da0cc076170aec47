namespace OomLab.Kql.Syntax;

/// <summary>One join key: <c>on a</c> (same name both sides) or <c>$left.a == $right.b</c>.</summary>
internal sealed record JoinConditionSyntax(NameSyntax Left, NameSyntax Right);
