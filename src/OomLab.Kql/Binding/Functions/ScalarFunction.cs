using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>One row of a scalar function: arguments in, value out (no boxing).</summary>
internal delegate KqlValue RowFunction(ReadOnlySpan<KqlValue> arguments, EvalContext context);

/// <summary>A column kernel for a scalar function; returns null to fall back to the row function.</summary>
internal delegate Column? ColumnFunction(Column[] arguments, int rows, EvalContext context);

/// <summary>
/// A scalar function: arity, result type from argument types (null = not applicable), a row function
/// and optionally a column kernel for the hot ones.
/// </summary>
internal sealed record ScalarFunction(string Name, int MinArguments, int MaxArguments, Func<KqlType[], KqlType?> ResultType, RowFunction Row, ColumnFunction? Columnar = null)
{
    /// <summary>
    /// Whether the column kernel takes a constant argument as a column of one row and a column of the input as the lazy
    /// selection it may be (<see cref="SelectedColumn"/>): <c>bin(timestamp, 5m)</c> neither spreads <c>5m</c> over the
    /// rows nor gathers the timestamps first. When the kernel declines, the arguments are evaluated again in full.
    /// </summary>
    public bool TakesScalarsAndSelections { get; init; }
}
