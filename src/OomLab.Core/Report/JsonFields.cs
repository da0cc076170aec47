using System.Globalization;
using System.Text.Json;

namespace OomLab.Report;

/// <summary>
/// Tolerant reads of the bundle's JSON files: a missing property or one of another type gives the
/// fallback rather than an error, so that a report shows what it can of a file written by an older or
/// newer oomlab. Property names match case-insensitively, and any of several names may be given.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Property(JsonElement element, params ReadOnlySpan<string> names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    /// <summary>A property as text: strings as they are, numbers and booleans as JSON writes them, arrays of strings joined; empty otherwise.</summary>
    public static string Text(JsonElement element, params ReadOnlySpan<string> names) =>
        Property(element, names) is { } value ? AsText(value) : string.Empty;

    public static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(AsText).Where(t => t.Length > 0)),
        _ => string.Empty,
    };

    public static bool? Bool(JsonElement element, params ReadOnlySpan<string> names) => Property(element, names) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var b) => b,
        _ => null,
    };

    public static long? Long(JsonElement element, params ReadOnlySpan<string> names) => Property(element, names) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var l) => l,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public static DateTimeOffset? Time(JsonElement element, params ReadOnlySpan<string> names) =>
        Property(element, names) is { ValueKind: JsonValueKind.String } s
        && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    /// <summary>The items of an array property; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, params ReadOnlySpan<string> names) =>
        Property(element, names) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToArray() : [];
}
