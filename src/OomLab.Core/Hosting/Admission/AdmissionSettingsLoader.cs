using System.Globalization;
using System.Text.Json;
using OomLab.Configuration;

namespace OomLab.Hosting.Admission;

/// <summary>
/// Reads admission from oomlab's own section of host.json, <c>{"oomlab": {"admission": {"mode": "predictive",
/// "highWatermark": 0.85, "lowWatermark": 0.70}}}</c> (the Functions host ignores it); a mode given on the command line
/// wins over the file's. A bad value throws <see cref="SettingsException"/> naming the file, key and value.
/// </summary>
internal static class AdmissionSettingsLoader
{
    private const string Section = "oomlab:admission";

    /// <param name="hostJsonPath">The host.json to read; a missing file (or section) means admission off.</param>
    /// <param name="modeOverride">The command line's <c>--admission</c>, or null.</param>
    public static AdmissionOptions Load(string? hostJsonPath, string? modeOverride)
    {
        string? mode = null;
        double? high = null, low = null;
        var source = hostJsonPath ?? "host.json";
        if (hostJsonPath is not null && File.Exists(hostJsonPath))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (Find(document.RootElement, "oomlab") is { } oomlab && Find(oomlab, "admission") is { ValueKind: JsonValueKind.Object } section)
                {
                    mode = Find(section, "mode")?.ToString();
                    high = Number(section, "highWatermark", source);
                    low = Number(section, "lowWatermark", source);
                }
            }
            catch (JsonException)
            {
                // The host settings loader reports a corrupt host.json with its line and column.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SettingsException(source, Section, null, SettingsMessages.Unreadable(source, ex.Message), ex);
            }
        }

        var modeSource = modeOverride is null ? $"{source} {Section}:mode" : "--admission";
        mode = modeOverride ?? mode ?? "off";
        if (!AdmissionOptions.TryParseMode(mode, out var parsed))
        {
            throw new SettingsException(modeSource, "mode", mode, AdmissionTraces.BadMode(modeSource, mode));
        }

        try
        {
            return new AdmissionOptions(parsed, high ?? 0.85, low ?? 0.70);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var key = ex.ParamName == "lowWatermark" ? "lowWatermark" : "highWatermark";
            var value = (key == "lowWatermark" ? low : high)?.ToString(CultureInfo.InvariantCulture);
            throw new SettingsException(source, $"{Section}:{key}", value, AdmissionTraces.OutOfRange(source, $"{Section}:{key}", value, key == "lowWatermark" ? "above 0, at most the high watermark" : "above 0, at most 1"), ex);
        }
    }

    private static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static double? Number(JsonElement section, string name, string source)
    {
        if (Find(section, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new SettingsException(source, $"{Section}:{name}", value.ToString(), AdmissionTraces.NotANumber(source, $"{Section}:{name}", value.ToString()));
    }
}
