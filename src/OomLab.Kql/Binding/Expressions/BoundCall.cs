using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>A scalar function call: the column kernel when the function has one, else row by row over unboxed values.</summary>
internal sealed class BoundCall(ScalarFunction function, IReadOnlyList<BoundExpression> arguments, KqlType type, TextSpan span) : BoundExpression(type, span)
{
    public ScalarFunction Function { get; } = function;

    public IReadOnlyList<BoundExpression> Arguments { get; } = arguments;

    public override IReadOnlyList<BoundExpression> Children => Arguments;

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var columns = new Column[Arguments.Count];
        try
        {
            if (Function.TakesScalarsAndSelections && Function.Columnar is { } kernel)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    columns[i] = Arguments[i] is BoundConstant constant ? Column.Constant(constant.Value, 1) : Arguments[i].EvaluateSelected(context, input);
                }

                if (kernel(columns, n, context) is { } scalarFast)
                {
                    return scalarFast;
                }
            }

            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = Arguments[i].Evaluate(context, input);
            }

            if (!Function.TakesScalarsAndSelections && Function.Columnar?.Invoke(columns, n, context) is { } fast)
            {
                return fast;
            }

            var result = Column.Create(Type, n);
            var buffer = new KqlValue[columns.Length];
            for (var row = 0; row < n; row++)
            {
                for (var j = 0; j < columns.Length; j++)
                {
                    buffer[j] = columns[j].Get(row);
                }

                var value = Function.Row(buffer, context);
                result.Set(row, value);
            }

            return result;
        }
        catch (ArgumentException ex)
        {
            throw new KqlRuntimeException(Span, Messages.InvalidArgument(Function.Name, ex.Message));
        }
    }
}
