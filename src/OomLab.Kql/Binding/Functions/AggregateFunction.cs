using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>Computes one aggregate for every group: arguments evaluated over the input, a group number per row.</summary>
internal delegate Column AggregateKernel(Column[] arguments, int[] groups, int groupCount, EvalContext context);

/// <summary>
/// An aggregate function: arity, result type from argument types (null = not applicable), which
/// arguments must be constants, and the kernel. <see cref="NameSuffixArguments"/> says how the default
/// output name is made: <c>count_</c>, <c>avg_x</c>, <c>percentile_x_95</c>.
/// </summary>
internal sealed record AggregateFunction(string Name, int MinArguments, int MaxArguments, Func<KqlType[], KqlType?> ResultType, AggregateKernel Kernel)
{
    /// <summary>Indexes of arguments that must be constants (percentile's p, make_list's limit).</summary>
    public int[] ConstantArguments { get; init; } = [];

    /// <summary>Whether the default name includes the first argument's name (false for count and countif).</summary>
    public bool NameIncludesArgument { get; init; } = true;

    /// <summary>
    /// The default name's prefix before <c>_</c> and the argument's name: the function's name unless Kusto names it
    /// otherwise (<c>list_x</c> for <c>make_list(x)</c>); empty for a bare argument name (<c>take_any(x)</c> is <c>x</c>).
    /// </summary>
    public string? NamePrefix { get; init; }

    /// <summary>How many leading arguments' names make the default name (covariance(x, y) is covariance_x_y).</summary>
    public int NamedArguments { get; init; } = 1;

    /// <summary>Whether constant arguments are appended to the default name (percentile_x_95).</summary>
    public bool NameSuffixArguments { get; init; }
}
