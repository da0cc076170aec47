using System.Text.Json.Nodes;
using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>mv-expand</c>: one row per element of a dynamic array (a non-array value gives one row, an empty
/// array or null gives none). Several columns expand in lockstep; the output count is budget-checked.
/// </summary>
internal sealed class MvExpandPlan(QueryPlan input, IReadOnlyList<(int Ordinal, BoundExpression Expression, KqlType Type)> items, long limit, Schema schema, TextSpan span)
    : QueryPlan(schema, span)
{
    /// <summary>Whether a property bag expands into <c>[key, value]</c> arrays (<c>bagexpansion=array</c>).</summary>
    public bool BagsAsArrays { get; init; }

    /// <summary>Whether the last column holds each element's index (<c>with_itemindex=</c>).</summary>
    public bool WithIndex { get; init; }

    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        var values = items.Select(i => i.Expression.Evaluate(context, table)).ToArray();
        var rows = new List<int>();
        var indexes = new List<long>();
        var elements = items.Select(_ => new List<JsonNode?>()).ToArray();
        for (var r = 0; r < table.RowCount; r++)
        {
            var lists = values.Select(v => Elements(v.Get(r).Dynamic, BagsAsArrays)).ToArray();
            var count = Math.Min(limit, lists.Max(l => l.Count));
            for (var k = 0; k < count; k++)
            {
                rows.Add(r);
                indexes.Add(k);
                for (var c = 0; c < lists.Length; c++)
                {
                    elements[c].Add(k < lists[c].Count ? lists[c][k] : null);
                }
            }

            if ((rows.Count & 0xFFFF) == 0)
            {
                context.CheckBudget(Span, "mv-expand", rows.Count, 16L * Schema.Columns.Count);
            }
        }

        context.CheckBudget(Span, "mv-expand", rows.Count, 16L * Schema.Columns.Count);
        var selection = rows.ToArray();
        var columns = new List<KqlColumn>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var item = Array.FindIndex(items.ToArray(), i => i.Ordinal == c);
            if (item < 0)
            {
                columns.Add(table.Columns[c].Derive(Schema.Columns[c].Name, selection.Length, data => data.Gather(selection)));
                continue;
            }

            var type = items[item].Type;
            var column = Column.Create(type, selection.Length);
            for (var i = 0; i < selection.Length; i++)
            {
                var node = elements[item][i];
                var value = type == KqlType.Dynamic ? KqlValue.FromDynamic(node) : Convert(DynamicValues.ToScalar(node), type);
                column.Set(i, value);
            }

            columns.Add(new KqlColumn(Schema.Columns[c].Name, column));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Ordinal >= table.Columns.Count)
            {
                var column = Column.Create(items[i].Type, selection.Length);
                for (var r = 0; r < selection.Length; r++)
                {
                    var node = elements[i][r];
                    column.Set(r, items[i].Type == KqlType.Dynamic ? KqlValue.FromDynamic(node) : Convert(DynamicValues.ToScalar(node), items[i].Type));
                }

                columns.Add(new KqlColumn(Schema.Columns[items[i].Ordinal].Name, column));
            }
        }

        if (WithIndex)
        {
            columns.Add(new KqlColumn(Schema.Columns[^1].Name, new Int64Column(KqlType.Long, indexes.ToArray(), null)));
        }

        return new KqlTable(string.Empty, columns, selection.Length);
    }

    private static List<JsonNode?> Elements(JsonNode? node, bool bagsAsArrays) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        JsonObject obj when bagsAsArrays => obj.Select(p => (JsonNode?)new JsonArray(JsonValue.Create(p.Key), p.Value?.DeepClone())).ToList(),
        JsonObject obj => obj.Select(p => (JsonNode?)new JsonObject { [p.Key] = p.Value?.DeepClone() }).ToList(),
        _ => [node],
    };

    private static KqlValue Convert(KqlValue value, KqlType type) => type switch
    {
        KqlType.Long or KqlType.Int => ScalarFunctions.ToLong(value, type),
        KqlType.Real => ScalarFunctions.ToReal(value),
        KqlType.Bool => ScalarFunctions.ToBool(value),
        KqlType.DateTime => ScalarFunctions.ToDateTime(value),
        KqlType.TimeSpan => ScalarFunctions.ToTimeSpan(value),
        _ => KqlValue.FromString(value.ToText()),
    };
}
