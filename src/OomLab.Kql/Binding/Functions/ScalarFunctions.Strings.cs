using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddStrings(List<ScalarFunction> all)
    {
        all.Add(new("strlen", 1, 1, Returns(KqlType.Long), (a, _) => KqlValue.FromLong(a[0].ToKqlString().Length)));
        all.Add(new("substring", 2, 3, Returns(KqlType.String), (a, _) => Substring(a)));
        all.Add(new("tolower", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].ToKqlString().ToLowerInvariant())));
        all.Add(new("toupper", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].ToKqlString().ToUpperInvariant())));
        all.Add(new("trim", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToKqlString(), a[1].ToKqlString(), true, true))));
        all.Add(new("trim_start", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToKqlString(), a[1].ToKqlString(), true, false))));
        all.Add(new("trim_end", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToKqlString(), a[1].ToKqlString(), false, true))));
        all.Add(new("split", 2, 3, Returns(KqlType.Dynamic), (a, _) => Split(a)));
        all.Add(new("indexof", 2, 5, Returns(KqlType.Long), (a, _) => IndexOf(a)));
        all.Add(new("startswith", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].ToKqlString().StartsWith(a[1].ToKqlString(), StringComparison.OrdinalIgnoreCase))));
        all.Add(new("endswith", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].ToKqlString().EndsWith(a[1].ToKqlString(), StringComparison.OrdinalIgnoreCase))));
        all.Add(new("extract", 3, 3, Returns(KqlType.String), (a, _) => Extract(a)));
        all.Add(new("replace_string", 3, 3, Returns(KqlType.String), (a, _) => KqlValue.FromString(ReplaceString(a[0].ToKqlString(), a[1].ToKqlString(), a[2].ToKqlString()))));
        all.Add(new("replace_regex", 3, 3, Returns(KqlType.String), (a, _) => KqlValue.FromString(Regex.Replace(a[0].ToKqlString(), a[1].ToKqlString(), a[2].ToKqlString().Replace(@"\", "$", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(5)))));
        all.Add(new("reverse", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(new string(a[0].ToKqlString().Reverse().ToArray()))));
    }

    // substring-function.md: a negative start counts from the end of the string ("123456", -2, 2 is "56").
    private static KqlValue Substring(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToKqlString();
        var from = a[1].IsNull ? 0 : a[1].Long;
        var start = (int)Math.Clamp(from < 0 ? text.Length + from : from, 0, text.Length);
        var length = a.Length > 2 && !a[2].IsNull ? (int)Math.Clamp(a[2].Long, 0, text.Length - start) : text.Length - start;
        return KqlValue.FromString(text.Substring(start, length));
    }

    private static string Trim(string regex, string text, bool start, bool end)
    {
        var pattern = (start ? $"^(?:{regex})+" : string.Empty) + (start && end ? "|" : string.Empty) + (end ? $"(?:{regex})+$" : string.Empty);
        return Regex.Replace(text, pattern, string.Empty, RegexOptions.None, TimeSpan.FromSeconds(5));
    }

    private static KqlValue Split(ReadOnlySpan<KqlValue> a)
    {
        var parts = a[0].ToKqlString().Split(a[1].ToKqlString());
        if (a.Length > 2 && !a[2].IsNull)
        {
            var index = a[2].Long;
            return index >= 0 && index < parts.Length ? KqlValue.FromDynamic(new JsonArray(JsonValue.Create(parts[index]))) : KqlValue.Null(KqlType.Dynamic);
        }

        return KqlValue.FromDynamic(new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
    }

    // indexof-function.md: indexof(string, match[, start[, length[, occurrence]]]); a negative start counts from the end,
    // length -1 is unlimited, null when length < -1 or occurrence < 0; -1 when not found within the range examined.
    private static KqlValue IndexOf(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToKqlString();
        var match = a[1].ToKqlString();
        var start = a.Length > 2 && !a[2].IsNull ? a[2].Long : 0;
        var length = a.Length > 3 && !a[3].IsNull ? a[3].Long : -1;
        var occurrence = a.Length > 4 && !a[4].IsNull ? a[4].Long : 1;
        if (length < -1 || occurrence < 0)
        {
            return KqlValue.Null(KqlType.Long);
        }

        start = start < 0 ? Math.Max(0, text.Length + start) : start;
        if (start > text.Length)
        {
            return KqlValue.FromLong(-1);
        }

        // Each further occurrence is searched for over length characters from just after the previous one: the only
        // reading under which the page's examples (idx3 is -1, idx8 is 9) both hold.
        var found = -1;
        var from = (int)start;
        for (var i = 0; i < Math.Max(1, occurrence); i++)
        {
            var count = length == -1 ? text.Length - from : (int)Math.Min(text.Length - from, length);
            found = from > text.Length ? -1 : text.IndexOf(match, from, count, StringComparison.Ordinal);
            if (found < 0)
            {
                return KqlValue.FromLong(-1);
            }

            from = found + 1;
        }

        return KqlValue.FromLong(found);
    }

    private static KqlValue Extract(ReadOnlySpan<KqlValue> a)
    {
        var match = Regex.Match(a[2].ToKqlString(), a[0].ToKqlString(), RegexOptions.None, TimeSpan.FromSeconds(5));
        var group = (int)a[1].Long;
        return match.Success && group < match.Groups.Count && match.Groups[group].Success ? KqlValue.FromString(match.Groups[group].Value) : KqlValue.FromString(string.Empty);
    }

    private static string ReplaceString(string text, string lookup, string rewrite) =>
        lookup.Length == 0 ? text : text.Replace(lookup, rewrite, StringComparison.Ordinal);
}
