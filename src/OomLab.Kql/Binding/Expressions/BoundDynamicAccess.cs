using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary><c>d["Key"]</c>, <c>d.Key</c> and <c>d[0]</c> on a dynamic value; a missing key gives null.</summary>
internal sealed class BoundDynamicAccess(BoundExpression target, BoundExpression key, TextSpan span) : BoundExpression(KqlType.Dynamic, span)
{
    public override IReadOnlyList<BoundExpression> Children => [target, key];

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var source = target.Evaluate(context, input);
        var cells = new object?[n];
        if (key is BoundConstant { Value: var constant })
        {
            var name = constant.Type == KqlType.String ? constant.String : null;
            if (source is DynamicColumn dynamic && name is not null)
            {
                dynamic.ReadMembers(name, cells);
                return new DynamicColumn(cells);
            }

            for (var i = 0; i < n; i++)
            {
                cells[i] = source switch
                {
                    DynamicColumn d when name is not null => d.Member(i, name),
                    DynamicColumn d => DynamicValues.Element(d.Node(i), constant.Long),
                    _ when name is not null => DynamicValues.Member(source.Get(i).Dynamic, name),
                    _ => DynamicValues.Element(source.Get(i).Dynamic, constant.Long),
                };
            }

            return new DynamicColumn(cells);
        }

        var keys = key.Evaluate(context, input);
        for (var i = 0; i < n; i++)
        {
            var node = source.Get(i).Dynamic;
            var k = keys.Get(i);
            cells[i] = k.Type == KqlType.String ? DynamicValues.Member(node, k.String) : k.Type.IsInteger() ? DynamicValues.Element(node, k.Long) : null;
        }

        return new DynamicColumn(cells);
    }
}
