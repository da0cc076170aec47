using System.Text.RegularExpressions;
using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>parse</c>: matches each row's text against one regex and fills a column per group. A row that does not match gets
/// nulls (empty strings); in strict kinds a value that does not convert to its column's type also fails the whole row,
/// in <c>relaxed</c> only that column is null.
/// </summary>
internal sealed class ParsePlan(QueryPlan input, BoundExpression source, Regex regex, IReadOnlyList<(int Ordinal, KqlType Type)> outputs, bool relaxed, Schema schema, TextSpan span)
    : QueryPlan(schema, span)
{
    /// <summary>Whether rows that do not match are dropped (<c>parse-where</c>).</summary>
    public bool DropsUnmatched { get; init; }

    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var table = input.Execute(context);
        var n = table.RowCount;
        var texts = source.Evaluate(context, table);
        var columns = outputs.Select(o => Column.Create(o.Type, n)).ToArray();
        var values = new KqlValue[outputs.Count];
        var kept = new List<int>();
        for (var r = 0; r < n; r++)
        {
            var match = regex.Match(texts.Get(r).ToKqlString());
            var ok = match.Success;
            for (var i = 0; ok && i < outputs.Count; i++)
            {
                values[i] = Convert(match.Groups["p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value, outputs[i].Type);
                ok = relaxed || !values[i].IsNull || outputs[i].Type == KqlType.String;
            }

            for (var i = 0; i < outputs.Count; i++)
            {
                columns[i].Set(r, ok || relaxed && match.Success ? values[i] : KqlValue.Null(outputs[i].Type));
            }

            if (ok)
            {
                kept.Add(r);
            }
        }

        var result = new List<KqlColumn>();
        for (var c = 0; c < Schema.Columns.Count; c++)
        {
            var output = outputs.ToList().FindIndex(o => o.Ordinal == c);
            result.Add(output >= 0 ? new KqlColumn(Schema.Columns[c].Name, columns[output]) : table.Columns[c]);
        }

        var parsed = new KqlTable(string.Empty, result, n, table.Render);
        if (!DropsUnmatched || kept.Count == n)
        {
            return parsed;
        }

        var rows = kept.ToArray();
        return new KqlTable(string.Empty, result.Select(c => c.Derive(c.Name, rows.Length, data => data.Gather(rows))).ToList(), rows.Length, table.Render);
    }

    private static KqlValue Convert(string text, KqlType type) => type switch
    {
        KqlType.String => KqlValue.FromString(text),
        KqlType.Int or KqlType.Long => ScalarFunctions.ToLong(KqlValue.FromString(text), type),
        KqlType.Real => ScalarFunctions.ToReal(KqlValue.FromString(text)),
        KqlType.Bool => ScalarFunctions.ToBool(KqlValue.FromString(text)),
        KqlType.DateTime => ScalarFunctions.ToDateTime(KqlValue.FromString(text)),
        KqlType.TimeSpan => ScalarFunctions.ToTimeSpan(KqlValue.FromString(text)),
        _ => ScalarFunctions.ParseJsonText(text),
    };
}
