using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OomLab.Kql.Tests.Support;

/// <summary>
/// Compares a result with an output table as a doc page shows it. A page shows values, not types: each cell is read as the
/// result column's type (numbers to the precision the page prints, datetimes and timespans to the tick, dynamic values as
/// JSON, bools as true/false or the 1/0 of Kusto.Explorer, an empty cell or <c>null</c> as null). Rows are compared in
/// order when the query sorts (<c>order by</c>, <c>sort by</c>, <c>top</c>, <c>serialize</c>), else as a multiset, since
/// Kusto promises no order otherwise.
/// </summary>
internal static partial class DocTableComparer
{
    /// <summary>Null when the result matches, else what differs.</summary>
    public static string? Difference(string query, KqlTable actual, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var names = actual.Columns.Select(c => c.Name).ToList();
        if (!names.SequenceEqual(columns.Select(Unmark), StringComparer.Ordinal))
        {
            return $"columns: expected [{string.Join(", ", columns)}] but got [{string.Join(", ", names)}]";
        }

        if (rows.Count != actual.RowCount)
        {
            return $"rows: expected {rows.Count} but got {actual.RowCount}: {Show(actual)}";
        }

        if (rows.Any(r => r.Count != columns.Count))
        {
            return "the page's table has rows of another width than its header";
        }

        var ordered = Sorted().IsMatch(query);
        var unmatched = Enumerable.Range(0, actual.RowCount).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var candidates = ordered ? [r] : unmatched;
            var match = candidates.FirstOrDefault(a => RowMatches(actual, a, rows[r]), -1);
            if (match < 0)
            {
                return $"row {r + 1} [{string.Join(" | ", rows[r])}] not found{(ordered ? " at its place" : string.Empty)} in {Show(actual)}";
            }

            unmatched.Remove(match);
        }

        return null;
    }

    private static bool RowMatches(KqlTable table, int row, IReadOnlyList<string> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (!CellMatches(table.Columns[c], row, cells[c]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CellMatches(KqlColumn column, int row, string cell)
    {
        var text = Unmark(cell);
        var value = column.GetValue(row);
        if (value is null)
        {
            return text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase);
        }

        switch (value)
        {
            case string s:
                return s.Trim() == text || (text.Length == 0 && s.Length == 0);
            case bool b:
                return text.Equals(b ? "true" : "false", StringComparison.OrdinalIgnoreCase) || text == (b ? "1" : "0");
            case long or int or double:
                return NumberMatches(Convert.ToDouble(value, CultureInfo.InvariantCulture), text);
            case DateTime d:
                return DateTime.TryParse(text.Replace("Z", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expected)
                    && expected.Ticks == d.Ticks;
            case TimeSpan t:
                return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span.Ticks == t.Ticks;
            case JsonNode node:
                return DynamicMatches(node, text);
            default:
                return false;
        }
    }

    private static bool NumberMatches(double actual, string text)
    {
        if (double.IsNaN(actual))
        {
            return text.Equals("NaN", StringComparison.OrdinalIgnoreCase);
        }

        if (double.IsInfinity(actual))
        {
            return text.Equals(actual > 0 ? "Infinity" : "-Infinity", StringComparison.OrdinalIgnoreCase) || text.Equals(actual > 0 ? "inf" : "-inf", StringComparison.OrdinalIgnoreCase)
                || text == (actual > 0 ? "∞" : "-∞");
        }

        // A page may group digits (1,048,576).
        if (!double.TryParse(text, NumberStyles.Float | (Grouped().IsMatch(text) ? NumberStyles.AllowThousands : NumberStyles.None), CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        // The page rounds to the digits it prints: allow half a unit of its last digit (and a relative 1e-9 for long prints).
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var exponent = text.IndexOfAny(['e', 'E']);
        var decimals = dot < 0 || exponent >= 0 ? 0 : text.Length - dot - 1;
        var tolerance = exponent >= 0 ? Math.Abs(expected) * 1e-6 : (0.5 * Math.Pow(10, -decimals)) + (Math.Abs(expected) * 1e-9);
        return Math.Abs(actual - expected) <= tolerance;
    }

    private static bool DynamicMatches(JsonNode actual, string text)
    {
        JsonNode? expected;
        try
        {
            // A page may quote JSON strings with single quotes, as dynamic literals may ({'a': 1}).
            expected = JsonNode.Parse(text.Contains('"', StringComparison.Ordinal) ? text : text.Replace('\'', '"'));
        }
        catch (JsonException)
        {
            // A page may print a dynamic string without quotes, or JSON the parser rejects: compare the text without blanks.
            // Arrays of strings are often printed without their quotes ([yes, no]), nested JSON with stray ones.
            return actual is JsonValue v && v.TryGetValue<string>(out var s) ? s == text
                : Squeeze(actual.ToJsonString()) == Squeeze(text) || Unquoted(actual.ToJsonString()) == Unquoted(text);
        }

        return JsonEquals(actual, expected);
    }

    private static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && JsonEquals(p.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                if (x.GetValueKind() is JsonValueKind.Number && y.GetValueKind() is JsonValueKind.Number)
                {
                    return NumberMatches(Number(x), y.ToJsonString());
                }

                // A page may print numbers inside arrays as strings ("0.0481...") or the reverse.
                return x.ToString() == y.ToString() || (x.GetValueKind() == JsonValueKind.Number && y.TryGetValue<string>(out var s) && NumberMatches(Number(x), s));
            default:
                return false;
        }
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // Markdown around a value: code spans, line breaks in a cell (<br>), entities, autolinks (<https://...>).
    private static string Unmark(string cell)
    {
        var text = LineBreak().Replace(cell, "\n").Replace("&nbsp;", " ", StringComparison.Ordinal).Replace("&#124;", "|", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Trim();
        if (text.Length >= 2 && text[0] == '`' && text[^1] == '`')
        {
            text = text[1..^1];
        }

        if (text.Length >= 2 && text[0] == '<' && text[^1] == '>' && text.Contains("://", StringComparison.Ordinal))
        {
            text = text[1..^1];
        }

        return text.Trim();
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    private static string Unquoted(string text) => Squeeze(text).Replace("\"", string.Empty, StringComparison.Ordinal);

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Show(KqlTable table) =>
        "[" + string.Join("; ", Enumerable.Range(0, Math.Min(table.RowCount, 8)).Select(r => string.Join(" | ", table.Columns.Select(c => c.GetText(r))))) + (table.RowCount > 8 ? "; ..." : string.Empty) + "]";

    [GeneratedRegex(@"\b(order|sort)\s+by\b|\btop\s+\d|\bserialize\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sorted();
}
