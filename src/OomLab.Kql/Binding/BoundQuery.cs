using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>The bound query: one plan per tabular statement, in order.</summary>
internal sealed record BoundQuery(IReadOnlyList<QueryPlan> Results);
