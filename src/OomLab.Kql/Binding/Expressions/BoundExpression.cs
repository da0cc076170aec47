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

    /// <summary>
    /// As <see cref="Evaluate"/>, but a column of the input may come back as the lazy selection it is (a
    /// <see cref="SelectedColumn"/>), for kernels that read a selection's rows in place instead of gathering them.
    /// </summary>
    public virtual Column EvaluateSelected(EvalContext context, KqlTable input) => Evaluate(context, input);

    /// <summary>
    /// For a predicate: the rows of <paramref name="input"/> where it is true (not false, not null), in order, made
    /// without a mask; null when this expression has no such path (then <c>where</c> evaluates it and reads the mask).
    /// </summary>
    public virtual int[]? SelectRows(EvalContext context, KqlTable input) => null;
}
