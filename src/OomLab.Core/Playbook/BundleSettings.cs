using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Playbook;

/// <summary>
/// What a run's folder says about the incident: the memory ceiling (<c>scenario.json</c> <c>ceilingBytes</c>,
/// or the lab's <c>settings.json</c> <c>ceiling.bytes</c>) and the <c>MAX_CONCURRENT_INVOCATIONS</c> of the
/// first deployment (the one the incident ran under).
/// </summary>
internal sealed record BundleSettings(long? CeilingBytes, string? Ceiling, long? ConfiguredConcurrency)
{
    public static BundleSettings None { get; } = new(null, null, null);

    /// <summary>Reads the settings next to a telemetry store: <paramref name="path"/> is the folder, or the <c>telemetry.db</c> in it or in its <c>.oomlab/</c>.</summary>
    public static BundleSettings Read(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (Path.GetFileName(folder) == ".oomlab")
        {
            folder = Path.GetDirectoryName(folder) ?? folder;
        }

        return FromScenario(Path.Combine(folder, "scenario.json")) ?? FromLabSettings(Path.Combine(folder, "settings.json")) ?? None;
    }

    private static BundleSettings? FromScenario(string file)
    {
        if (Parse(file) is not JsonObject root)
        {
            return null;
        }

        var bytes = Long(root["ceilingBytes"]);
        var plan = root["plan"]?.GetValueKind() == JsonValueKind.String ? root["plan"]!.GetValue<string>() : null;
        var concurrency = Long(root["appSettings"]?["MAX_CONCURRENT_INVOCATIONS"]) ?? FromLabSettings(Path.Combine(Path.GetDirectoryName(file)!, "settings.json"))?.ConfiguredConcurrency;
        return new(bytes, Describe(bytes, plan), concurrency);
    }

    private static BundleSettings? FromLabSettings(string file)
    {
        if (Parse(file) is not JsonObject root)
        {
            return null;
        }

        var bytes = Long(root["ceiling"]?["bytes"]);
        var description = root["ceiling"]?["description"]?.GetValueKind() == JsonValueKind.String ? root["ceiling"]!["description"]!.GetValue<string>() : null;
        var concurrency = Long(root["deployments"]?[0]?["appSettings"]?["MAX_CONCURRENT_INVOCATIONS"]);
        return new(bytes, description ?? Describe(bytes, null), concurrency);
    }

    private static string? Describe(long? bytes, string? plan) =>
        bytes is { } b ? plan is null ? $"custom {Memory.MemoryText.Format(b)}" : $"{plan} ({Memory.MemoryText.Format(b)})" : null;

    private static JsonNode? Parse(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            throw new OomLabException($"{file}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message}");
        }
    }

    private static long? Long(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<long>(),
        JsonValueKind.String when long.TryParse(node.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };
}
