using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql;

/// <summary>
/// Renders result tables: an aligned text table, CSV (RFC 4180), or the Application Insights REST
/// shape <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}</c>. Datetimes print in
/// ISO 8601 UTC, timespans as <c>[d.]hh:mm:ss[.fffffff]</c>.
/// </summary>
public static class KqlFormatter
{
    /// <summary>An aligned text table with a header and a dashed rule; control characters in values are escaped.</summary>
    public static string ToText(KqlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cells = new string[table.RowCount + 1][];
        cells[0] = table.Columns.Select(c => c.Name).ToArray();
        for (var r = 0; r < table.RowCount; r++)
        {
            cells[r + 1] = table.Columns.Select(c => EscapeControl(c.GetText(r))).ToArray();
        }

        var widths = table.Columns.Select((_, c) => cells.Max(row => row[c].Length)).ToArray();
        var builder = new StringBuilder();
        AppendRow(builder, cells[0], widths);
        AppendRow(builder, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in cells.Skip(1))
        {
            AppendRow(builder, row, widths);
        }

        return builder.ToString();
    }

    /// <summary>CSV with a header row; fields with commas, quotes or line breaks are quoted.</summary>
    public static string ToCsv(KqlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var builder = new StringBuilder();
        builder.AppendJoin(',', table.Columns.Select(c => CsvField(c.Name))).Append('\n');
        for (var r = 0; r < table.RowCount; r++)
        {
            builder.AppendJoin(',', table.Columns.Select(c => CsvField(c.GetText(r)))).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The Application Insights REST response shape for all result tables.</summary>
    public static string ToJson(IReadOnlyList<KqlTable> tables, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var array = new JsonArray();
        foreach (var table in tables)
        {
            var columns = new JsonArray(table.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type.Name() }).ToArray());
            var rows = new JsonArray();
            for (var r = 0; r < table.RowCount; r++)
            {
                rows.Add(new JsonArray(table.Columns.Select(c => JsonCell(c, r)).ToArray()));
            }

            array.Add(new JsonObject { ["name"] = table.Name, ["columns"] = columns, ["rows"] = rows });
        }

        return new JsonObject { ["tables"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    private static JsonNode? JsonCell(KqlColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column.GetValue(row) switch
        {
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            int i => JsonValue.Create(i),
            double d when double.IsFinite(d) => JsonValue.Create(d),
            JsonNode node => node.DeepClone(),
            _ => JsonValue.Create(column.GetText(row)),
        };
    }

    private static void AppendRow(StringBuilder builder, string[] row, int[] widths)
    {
        for (var c = 0; c < row.Length; c++)
        {
            if (c > 0)
            {
                builder.Append("  ");
            }

            builder.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c]));
        }

        builder.Append('\n');
    }

    private static string EscapeControl(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
