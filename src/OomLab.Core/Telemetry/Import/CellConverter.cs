using System.Globalization;
using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Converts an exported cell to the store's value for a column type (ticks for datetime and timespan, 0/1
/// for bool, JSON text for dynamic). Application Insights exports durations as milliseconds (real); az CLI
/// table exports write every value as a string. Returns false when the cell is not of the type.
/// </summary>
internal static class CellConverter
{
    public static bool TryConvert(JsonElement cell, TelemetryColumnType type, out object? value)
    {
        value = null;
        if (cell.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        var text = cell.ValueKind == JsonValueKind.String ? cell.GetString()! : null;
        if (text is { Length: 0 } && type != TelemetryColumnType.String)
        {
            return true;
        }

        switch (type)
        {
            case TelemetryColumnType.DateTime:
                if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    value = time.UtcTicks;
                    return true;
                }

                return false;
            case TelemetryColumnType.TimeSpan:
                if (cell.ValueKind == JsonValueKind.Number || (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    var ms = cell.ValueKind == JsonValueKind.Number ? cell.GetDouble() : double.Parse(text!, CultureInfo.InvariantCulture);
                    value = (long)Math.Round(ms * TimeSpan.TicksPerMillisecond);
                    return true;
                }

                if (text is not null && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                {
                    value = span.Ticks;
                    return true;
                }

                return false;
            case TelemetryColumnType.Bool:
                value = cell.ValueKind switch
                {
                    JsonValueKind.True => 1L,
                    JsonValueKind.False => 0L,
                    JsonValueKind.Number => cell.GetDouble() != 0 ? 1L : 0L,
                    _ => text?.ToLowerInvariant() switch { "true" or "1" => 1L, "false" or "0" => 0L, _ => null },
                };
                return value is not null;
            case TelemetryColumnType.Long:
                if (cell.ValueKind == JsonValueKind.Number && cell.TryGetInt64(out var number))
                {
                    value = number;
                    return true;
                }

                if (double.TryParse(text ?? cell.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var whole) && whole == Math.Floor(whole))
                {
                    value = (long)whole;
                    return true;
                }

                return false;
            case TelemetryColumnType.Real:
                if (double.TryParse(text ?? cell.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    value = real;
                    return true;
                }

                return false;
            case TelemetryColumnType.Dynamic:
                // A dynamic cell is JSON: an object or array as is; az CLI writes it as a string holding JSON.
                value = text is not null && text.TrimStart() is ['{', ..] or ['[', ..] ? text : cell.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(text) : cell.GetRawText();
                return true;
            default:
                value = text ?? cell.GetRawText();
                return true;
        }
    }
}
