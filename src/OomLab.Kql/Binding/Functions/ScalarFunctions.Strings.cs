using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddStrings(List<ScalarFunction> all)
    {
        all.Add(new("strlen", 1, 1, Returns(KqlType.Long), (a, _) => KqlValue.FromLong(a[0].ToText().Length)));
        all.Add(new("substring", 2, 3, Returns(KqlType.String), (a, _) => Substring(a)));
        all.Add(new("tolower", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].ToText().ToLowerInvariant())));
        all.Add(new("toupper", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].ToText().ToUpperInvariant())));
        all.Add(new("trim", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToText(), a[1].ToText(), true, true))));
        all.Add(new("trim_start", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToText(), a[1].ToText(), true, false))));
        all.Add(new("trim_end", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(Trim(a[0].ToText(), a[1].ToText(), false, true))));
        all.Add(new("split", 2, 3, Returns(KqlType.Dynamic), (a, _) => Split(a)));
        all.Add(new("indexof", 2, 3, Returns(KqlType.Long), (a, _) => IndexOf(a)));
        all.Add(new("startswith", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].ToText().StartsWith(a[1].ToText(), StringComparison.OrdinalIgnoreCase))));
        all.Add(new("endswith", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].ToText().EndsWith(a[1].ToText(), StringComparison.OrdinalIgnoreCase))));
        all.Add(new("extract", 3, 3, Returns(KqlType.String), (a, _) => Extract(a)));
        all.Add(new("replace_string", 3, 3, Returns(KqlType.String), (a, _) => KqlValue.FromString(ReplaceString(a[0].ToText(), a[1].ToText(), a[2].ToText()))));
        all.Add(new("replace_regex", 3, 3, Returns(KqlType.String), (a, _) => KqlValue.FromString(Regex.Replace(a[0].ToText(), a[1].ToText(), a[2].ToText().Replace(@"\", "$", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(5)))));
        all.Add(new("reverse", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(new string(a[0].ToText().Reverse().ToArray()))));
    }

    private static KqlValue Substring(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToText();
        var start = (int)Math.Clamp(a[1].IsNull ? 0 : a[1].Long, 0, text.Length);
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
        var parts = a[0].ToText().Split(a[1].ToText());
        if (a.Length > 2 && !a[2].IsNull)
        {
            var index = a[2].Long;
            return index >= 0 && index < parts.Length ? KqlValue.FromDynamic(new JsonArray(JsonValue.Create(parts[index]))) : KqlValue.Null(KqlType.Dynamic);
        }

        return KqlValue.FromDynamic(new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
    }

    private static KqlValue IndexOf(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToText();
        var start = a.Length > 2 && !a[2].IsNull ? (int)a[2].Long : 0;
        if (start < 0 || start > text.Length)
        {
            return KqlValue.FromLong(-1);
        }

        return KqlValue.FromLong(text.IndexOf(a[1].ToText(), start, StringComparison.Ordinal));
    }

    private static KqlValue Extract(ReadOnlySpan<KqlValue> a)
    {
        var match = Regex.Match(a[2].ToText(), a[0].ToText(), RegexOptions.None, TimeSpan.FromSeconds(5));
        var group = (int)a[1].Long;
        return match.Success && group < match.Groups.Count && match.Groups[group].Success ? KqlValue.FromString(match.Groups[group].Value) : KqlValue.FromString(string.Empty);
    }

    private static string ReplaceString(string text, string lookup, string rewrite) =>
        lookup.Length == 0 ? text : text.Replace(lookup, rewrite, StringComparison.Ordinal);
}
