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
            var quoted = name is null ? null : "\"" + name + "\"";
            for (var i = 0; i < n; i++)
            {
                // A cell still held as JSON text that does not even mention the key cannot have it: skip the parse.
                if (quoted is not null && source is DynamicColumn raw && raw.Cell(i) is string text && !text.Contains(quoted, StringComparison.Ordinal))
                {
                    continue;
                }

                var node = source is DynamicColumn d ? d.Node(i) : source.Get(i).Dynamic;
                cells[i] = name is not null ? DynamicValues.Member(node, name) : DynamicValues.Element(node, constant.Long);
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
