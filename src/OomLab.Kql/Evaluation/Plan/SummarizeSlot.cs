namespace OomLab.Kql.Evaluation;

/// <summary>One aggregate computation of a <c>summarize</c>, producing one or more columns, one row per group.</summary>
internal abstract class SummarizeSlot
{
    public abstract IReadOnlyList<KqlType> Types { get; }

    public abstract Column[] Compute(EvalContext context, KqlTable input, int[] groups, int groupCount);
}
