using OomLab.Kql.Binding;

namespace OomLab.Kql.Evaluation;

/// <summary>A bound sort key. Nulls come first when ascending and last when descending, unless stated.</summary>
internal sealed record BoundSortKey(BoundExpression Expression, bool Descending, bool NullsFirst);
