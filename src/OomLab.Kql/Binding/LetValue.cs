using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>What a <c>let</c> name stands for: a scalar (bound expression, usually constant) or a tabular plan.</summary>
internal sealed record LetValue(BoundExpression? Scalar, QueryPlan? Tabular);
