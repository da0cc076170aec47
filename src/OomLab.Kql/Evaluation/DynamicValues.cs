using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>Conversions between dynamic (JSON) values and typed scalars.</summary>
internal static class DynamicValues
{
    public static JsonNode? From(in KqlValue value)
    {
        if (value.IsNull)
        {
            return null;
        }

        return value.Type switch
        {
            KqlType.Bool => JsonValue.Create(value.Bool),
            KqlType.Int or KqlType.Long => JsonValue.Create(value.Long),
            KqlType.Real => double.IsFinite(value.Real) ? JsonValue.Create(value.Real) : JsonValue.Create(value.ToText()),
            KqlType.Dynamic => value.Dynamic?.DeepClone(),
            // A datetime or timespan in a dynamic value is its tostring() text (make_list of datetimes, range-function.md).
            _ => JsonValue.Create(value.ToKqlString()),
        };
    }

    public static JsonNode? Member(JsonNode? node, string key) => node is JsonObject obj && obj.TryGetPropertyValue(key, out var v) ? v : null;

    public static JsonNode? Element(JsonNode? node, long index)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        if (index < 0)
        {
            index += array.Count;
        }

        return index >= 0 && index < array.Count ? array[(int)index] : null;
    }

    public static bool TryGetLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                if (v.TryGetValue<long>(out value))
                {
                    return true;
                }

                if (v.TryGetValue<double>(out var d))
                {
                    value = (long)d;
                    return true;
                }

                return false;
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
                {
                    return true;
                }

                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = (long)parsed;
                    return true;
                }

                return false;
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    public static bool TryGetReal(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                return v.TryGetValue(out value);
            case JsonValueKind.String:
                return double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    public static string ToText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>A dynamic value as the typed scalar it holds (for comparisons with typed values).</summary>
    public static KqlValue ToScalar(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return KqlValue.FromDynamic(node);
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => KqlValue.FromString(v.GetValue<string>()),
            JsonValueKind.True => KqlValue.FromBool(true),
            JsonValueKind.False => KqlValue.FromBool(false),
            JsonValueKind.Number => v.TryGetValue<long>(out var l) ? KqlValue.FromLong(l) : KqlValue.FromReal(v.GetValue<double>()),
            _ => KqlValue.Null(KqlType.Dynamic),
        };
    }
}
