using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>A column of the input, by position.</summary>
internal sealed class BoundColumnReference(int ordinal, string name, KqlType type, TextSpan span) : BoundExpression(type, span)
{
    public int Ordinal { get; } = ordinal;

    public string Name { get; } = name;

    public override bool IsFoldable => false;

    public override Column Evaluate(EvalContext context, KqlTable input) => input.Columns[Ordinal].Data.Materialize();

    public override Column EvaluateSelected(EvalContext context, KqlTable input) => input.Columns[Ordinal].Data;
}
