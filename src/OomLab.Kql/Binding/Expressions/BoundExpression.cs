using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// A typed expression, ready to evaluate column-at-a-time: <see cref="Evaluate"/> returns a column with
/// one value per input row.
/// </summary>
internal abstract class BoundExpression(KqlType type, TextSpan span)
{
    public KqlType Type { get; } = type;

    public TextSpan Span { get; } = span;

    /// <summary>The sub-expressions; when all are constants the binder folds this node into one.</summary>
    public virtual IReadOnlyList<BoundExpression> Children => [];

    /// <summary>Whether the value can change between evaluations with the same inputs (none do: <c>now()</c> is fixed per query).</summary>
    public virtual bool IsFoldable => true;

    public abstract Column Evaluate(EvalContext context, KqlTable input);
}
