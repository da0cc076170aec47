using System.Globalization;
using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Converts an exported cell to the store's value for a column type (ticks for datetime and timespan, 0/1
/// for bool, JSON text for dynamic). Application Insights exports durations as milliseconds (real); az CLI
/// table exports and the portal's CSV write every value as text. Returns false when the cell is not of the type.
/// </summary>
internal static class CellConverter
{
    // The portal's "Export to CSV" writes datetimes as "2/25/2025, 9:19:25.391 AM" (UTC, named in the header).
    private static readonly string[] PortalTimes =
        ["M/d/yyyy, h:mm:ss.FFFFFFF tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.FFFFFFF tt", "M/d/yyyy h:mm:ss tt"];

    public static bool TryConvert(JsonElement cell, TelemetryColumnType type, out object? value)
    {
        switch (cell.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                value = null;
                return true;
            case JsonValueKind.String:
                return TryConvertText(cell.GetString()!, type, out value);
        }

        value = null;
        switch (type)
        {
            case TelemetryColumnType.TimeSpan when cell.ValueKind == JsonValueKind.Number:
                value = (long)Math.Round(cell.GetDouble() * TimeSpan.TicksPerMillisecond);
                return true;
            case TelemetryColumnType.Bool:
                value = cell.ValueKind switch
                {
                    JsonValueKind.True => 1L,
                    JsonValueKind.False => 0L,
                    JsonValueKind.Number => cell.GetDouble() != 0 ? 1L : 0L,
                    _ => null,
                };
                return value is not null;
            case TelemetryColumnType.Long when cell.ValueKind == JsonValueKind.Number:
                if (cell.TryGetInt64(out var number))
                {
                    value = number;
                    return true;
                }

                return TryConvertText(cell.GetRawText(), type, out value);
            case TelemetryColumnType.Real when cell.ValueKind == JsonValueKind.Number:
                value = cell.GetDouble();
                return true;
            case TelemetryColumnType.Dynamic:
                value = cell.GetRawText();
                return true;
            case TelemetryColumnType.String:
                // An object where text is expected keeps its JSON text: nothing is lost.
                value = cell.GetRawText();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Converts a cell written as text; an empty text is null for every type but string.</summary>
    public static bool TryConvertText(string text, TelemetryColumnType type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        if (text.Length == 0 && type != TelemetryColumnType.String)
        {
            return true;
        }

        switch (type)
        {
            case TelemetryColumnType.DateTime:
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    || DateTimeOffset.TryParseExact(text, PortalTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
                {
                    value = time.UtcTicks;
                    return true;
                }

                return false;
            case TelemetryColumnType.TimeSpan:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    value = (long)Math.Round(ms * TimeSpan.TicksPerMillisecond);
                    return true;
                }

                if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                {
                    value = span.Ticks;
                    return true;
                }

                return false;
            case TelemetryColumnType.Bool:
                value = text.ToLowerInvariant() switch { "true" or "1" => 1L, "false" or "0" => 0L, _ => null };
                return value is not null;
            case TelemetryColumnType.Long:
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                {
                    value = whole;
                    return true;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e18)
                {
                    value = (long)real;
                    return true;
                }

                return false;
            case TelemetryColumnType.Real:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    value = number;
                    return true;
                }

                return false;
            case TelemetryColumnType.Dynamic:
                value = DynamicText(text);
                return true;
            default:
                value = text;
                return true;
        }
    }

    /// <summary>A dynamic cell given as text: JSON text as is (az CLI writes objects so), anything else as a JSON string.</summary>
    public static string DynamicText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().TrimStart() is ['{', ..] or ['[', ..] ? text : JsonSerializer.Serialize(text);
    }

    /// <summary>The type of a column no schema knows, from its first non-null JSON value; null for a null.</summary>
    public static TelemetryColumnType? TypeOf(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => TelemetryColumnType.Bool,
        JsonValueKind.Number => cell.TryGetInt64(out _) ? TelemetryColumnType.Long : TelemetryColumnType.Real,
        JsonValueKind.Object or JsonValueKind.Array => TelemetryColumnType.Dynamic,
        JsonValueKind.String => TelemetryColumnType.String,
        _ => null,
    };
}
