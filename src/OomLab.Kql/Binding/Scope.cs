using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// What names mean while binding a scalar expression: the columns of the row, and in a summarize the
/// handler that turns an aggregate call into a reference to its computed column.
/// </summary>
internal sealed record Scope(Schema Row, Func<CallSyntax, BoundExpression>? Aggregates = null, Schema? UngroupedInput = null)
{
    public static Scope Empty { get; } = new(new Schema([]));
}
