using System.Globalization;
using System.Text.Json;
using OomLab.Lab.Bundle;

namespace OomLab.Playbook;

/// <summary>
/// What a run's folder says about the incident: the memory ceiling (<c>scenario.json</c> <c>ceilingBytes</c>,
/// or the lab's <c>settings.json</c> <c>ceiling.bytes</c>) and the <c>MAX_CONCURRENT_INVOCATIONS</c> of the
/// first deployment (the one the incident ran under).
/// </summary>
internal sealed record BundleSettings(long? CeilingBytes, string? Ceiling, long? ConfiguredConcurrency)
{
    private const string Concurrency = "MAX_CONCURRENT_INVOCATIONS";

    public static BundleSettings None { get; } = new(null, null, null);

    /// <summary>Reads the settings next to a telemetry store: <paramref name="path"/> is the folder, or the <c>telemetry.db</c> in it or in its <c>.oomlab/</c>.</summary>
    public static BundleSettings Read(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (Path.GetFileName(folder) == ".oomlab")
        {
            folder = Path.GetDirectoryName(folder) ?? folder;
        }

        var lab = Path.Combine(folder, RunBundle.LabFileName);
        if (Parse(Path.Combine(folder, RunBundle.ScenarioFileName)) is { } scenario)
        {
            var bytes = scenario.CeilingBytes ?? scenario.Ceiling?.Bytes;
            var concurrency = Long(scenario.AppSettings) ?? Long(scenario.Deployments?.FirstOrDefault()?.AppSettings) ?? FromLab(Parse(lab))?.ConfiguredConcurrency;
            return new(bytes, Describe(bytes, scenario.Plan), concurrency);
        }

        return FromLab(Parse(lab)) ?? None;
    }

    private static BundleSettings? FromLab(RunBundle? lab)
    {
        if (lab is null)
        {
            return null;
        }

        var bytes = lab.Ceiling?.Bytes ?? lab.CeilingBytes;
        return new(bytes, lab.Ceiling?.Description ?? Describe(bytes, null), Long(lab.Deployments?.FirstOrDefault()?.AppSettings));
    }

    private static string? Describe(long? bytes, string? plan) =>
        bytes is { } b ? plan is null ? $"custom {Memory.MemoryText.Format(b)}" : $"{plan} ({Memory.MemoryText.Format(b)})" : null;

    private static RunBundle? Parse(string file)
    {
        try
        {
            return RunBundle.Read(file);
        }
        catch (JsonException ex)
        {
            throw new OomLabException($"{file}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message}");
        }
    }

    private static long? Long(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault(Concurrency) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
