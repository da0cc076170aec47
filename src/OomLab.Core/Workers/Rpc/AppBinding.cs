using System.Text.Json;

namespace OomLab.Workers.Rpc;

/// <summary>One binding of a function, as its metadata's JSON object states it (<c>name</c>, <c>type</c>, <c>direction</c>, ...).</summary>
/// <param name="Name">The parameter it binds, or <c>$return</c>.</param>
/// <param name="Type">E.g. <c>blobTrigger</c>, <c>blob</c>, <c>httpTrigger</c>.</param>
/// <param name="Direction"><c>in</c>, <c>out</c> or <c>inout</c>, lower case.</param>
/// <param name="DataType"><c>string</c>, <c>binary</c>, <c>stream</c>, lower case, or empty.</param>
/// <param name="Path">The blob path (<c>path</c>, or <c>blobPath</c> as the .NET worker SDK writes outputs), or null.</param>
/// <param name="Properties">The binding's <c>properties</c> object, such as <c>SupportsDeferredBinding</c> (keys case-insensitive).</param>
/// <param name="Json">The binding's whole JSON text, as the worker reported it.</param>
internal sealed record AppBinding(
    string Name, string Type, string Direction, string DataType, string? Path, IReadOnlyDictionary<string, string> Properties, string Json)
{
    public bool IsOutput => Direction is "out" or "inout";

    public bool IsBlobTrigger => Type.Equals("blobTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsHttpTrigger => Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsBlobOutput => IsOutput && Type.Equals("blob", StringComparison.OrdinalIgnoreCase);

    /// <summary>An HTTP trigger's <c>route</c>, or null.</summary>
    public string? Route { get; init; }

    /// <summary>The app setting that names the binding's storage account (<c>connection</c>), or null.</summary>
    public string? Connection { get; init; }

    /// <summary>Whether any string value of the binding holds a <c>{...}</c> expression (the rule that cancels deferred binding).</summary>
    public bool HasExpression { get; init; }

    /// <summary>Reads one binding object; null when it has no name or type.</summary>
    public static AppBinding? From(JsonElement binding)
    {
        if (binding.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string key) =>
            binding.EnumerateObject().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
                ? p.Value.GetString()
                : null;

        var name = Text("name");
        var type = Text("type");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(type))
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hasExpression = false;
        foreach (var property in binding.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } value && value.Contains('{', StringComparison.Ordinal)
                && value.Contains('}', StringComparison.Ordinal))
            {
                hasExpression = true;
            }

            if (property.Name.Equals("properties", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in property.Value.EnumerateObject())
                {
                    properties[inner.Name] = inner.Value.ValueKind == JsonValueKind.String ? inner.Value.GetString() ?? string.Empty : inner.Value.GetRawText();
                }
            }
        }

        return new AppBinding(
            name, type, (Text("direction") ?? "in").ToLowerInvariant(), (Text("dataType") ?? string.Empty).ToLowerInvariant(),
            Text("path") ?? Text("blobPath"), properties, binding.GetRawText())
        {
            HasExpression = hasExpression,
            Connection = Text("connection"),
            Route = Text("route") is { Length: > 0 } route ? route.Trim('/') : null,
        };
    }
}
