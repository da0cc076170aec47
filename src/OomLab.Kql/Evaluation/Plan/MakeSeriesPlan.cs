using System.Text.Json.Nodes;
using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>make-series</c> (make-series-operator.md): bins of <c>step</c> from <c>from</c> (inclusive; the smallest axis value
/// when absent) to <c>to</c> (exclusive; past the largest when absent); rows outside are left out. Each group gets one
/// array per aggregate, a bin without rows holding the default (0 unless given). No rows give no series, unless
/// <c>kind=nonempty</c>, which gives one of defaults.
/// </summary>
internal sealed class MakeSeriesPlan(
    QueryPlan input,
    BoundExpression axis,
    KqlValue? from,
    KqlValue? to,
    KqlValue step,
    IReadOnlyList<BoundExpression> keys,
    IReadOnlyList<(SummarizeSlot Slot, KqlValue Default)> aggregates,
    bool nonEmpty,
    Schema schema,
    TextSpan span) : QueryPlan(schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        var axisValues = axis.Evaluate(context, table);
        // Decimal keeps datetime ticks (beyond a double's 53 bits) exact.
        var points = Enumerable.Range(0, table.RowCount).Select(r => Exact(axisValues.Get(r))).ToArray();
        var present = points.Where(p => p is not null).Select(p => p!.Value).ToList();
        var size = Exact(step) ?? 0;
        var start = (from is { } s0 ? Exact(s0) : null) ?? (present.Count > 0 ? present.Min() : 0);
        var end = (to is { } e0 ? Exact(e0) : null) ?? (present.Count > 0 ? present.Max() + size : start);
        var bins = size > 0 ? (int)Math.Max(0, Math.Ceiling((end - start) / size)) : 0;
        context.CheckBudget(Span, "make-series", bins, 16L * Schema.Columns.Count);

        var rows = Enumerable.Range(0, table.RowCount).Where(r => points[r] is { } p && p >= start && p < end).ToArray();
        var kept = FilterPlan.Select(table, rows);
        var keyColumns = keys.Select(k => k.Evaluate(context, kept)).ToArray();
        var encoder = new KeyEncoder(keyColumns.Length);
        var groups = encoder.Encode(keyColumns, rows.Length);
        var groupCount = rows.Length == 0 ? (nonEmpty && keys.Count == 0 ? 1 : 0) : keyColumns.Length == 0 ? 1 : encoder.Count;
        var cells = new int[rows.Length];
        var filled = new bool[groupCount * bins];
        var firstRows = new int[groupCount];
        Array.Fill(firstRows, -1);
        for (var i = 0; i < rows.Length; i++)
        {
            var bin = (int)decimal.Floor((points[rows[i]]!.Value - start) / size);
            cells[i] = (groups[i] * bins) + bin;
            filled[cells[i]] = true;
            if (firstRows[groups[i]] < 0)
            {
                firstRows[groups[i]] = i;
            }
        }

        var columns = new List<KqlColumn>();
        for (var k = 0; k < keyColumns.Length; k++)
        {
            columns.Add(new KqlColumn(Schema.Columns[k].Name, keyColumns[k].Gather(firstRows).Materialize()));
        }

        for (var a = 0; a < aggregates.Count; a++)
        {
            var computed = aggregates[a].Slot.Compute(context, kept, cells, groupCount * bins)[0];
            var fallback = DynamicValues.From(aggregates[a].Default);
            var series = new object?[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                series[g] = new JsonArray(Enumerable.Range(g * bins, bins).Select(c => filled[c] ? DynamicValues.From(computed.Get(c)) : fallback?.DeepClone()).ToArray());
            }

            columns.Add(new KqlColumn(Schema.Columns[keyColumns.Length + a].Name, new DynamicColumn(series)));
        }

        var axisArray = new JsonArray(Enumerable.Range(0, bins).Select(b => DynamicValues.From(Point(start + (b * size)))).ToArray());
        columns.Add(new KqlColumn(Schema.Columns[^1].Name, new DynamicColumn(Enumerable.Range(0, groupCount).Select(_ => (object?)axisArray.DeepClone()).ToArray())));
        return new KqlTable(string.Empty, columns, groupCount);
    }

    private static decimal? Exact(in KqlValue value) => value.IsNull ? null : value.Type switch
    {
        KqlType.Real => double.IsFinite(value.Real) ? (decimal)value.Real : null,
        KqlType.Int or KqlType.Long or KqlType.DateTime or KqlType.TimeSpan => value.Long,
        _ => null,
    };

    private KqlValue Point(decimal value) => axis.Type switch
    {
        KqlType.DateTime or KqlType.TimeSpan => KqlValue.FromLong((long)value, axis.Type),
        KqlType.Int or KqlType.Long => KqlValue.FromLong((long)value),
        _ => KqlValue.FromReal((double)value),
    };
}
