using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OomLab.Lab.Bundle;

/// <summary>
/// Reads a bundle field that is an object, or a bare number as older or hand-written files hold it; writes the object.
/// Put on the property (not registered for the type), so that the object itself goes through the generated contract.
/// </summary>
internal abstract class NumberOrObjectConverter<T> : JsonConverter<T>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? FromNumber(ref reader) : JsonSerializer.Deserialize(ref reader, Contract(options));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Contract(options));

    /// <summary>The value a bare number stands for.</summary>
    protected abstract T FromNumber(ref Utf8JsonReader reader);

    private static JsonTypeInfo<T> Contract(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
