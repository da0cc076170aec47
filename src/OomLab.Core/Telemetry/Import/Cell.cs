using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>One exported value: a JSON value, or text (a CSV field).</summary>
internal readonly record struct Cell(JsonElement Json, string? Text)
{
    public static Cell Of(JsonElement json) => new(json, null);

    public static Cell OfText(string text) => new(default, text);

    public bool IsNull => Text is null && Json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>The value as a string, when it is one (a JSON string or text).</summary>
    public string? AsString => Text ?? (Json.ValueKind == JsonValueKind.String ? Json.GetString() : null);

    public bool TryConvert(TelemetryColumnType type, out object? value) =>
        Text is not null ? CellConverter.TryConvertText(Text, type, out value) : CellConverter.TryConvert(Json, type, out value);

    /// <summary>How the value reads in a message.</summary>
    public string Raw => Text is not null ? JsonSerializer.Serialize(Text) : Json.GetRawText();
}
