using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// Writes <c>scenario.json</c>, the ground truth of a scenario run that <c>oomlab diagnose</c> is tested against:
/// the scenario and hypothesis, the plan and ceiling, the app, its functions and the faulty deployment's app
/// settings, T0, the phases and every deployment with its window and ceiling. Written first with
/// <c>"status":"running"</c>, then again when the run ends.
/// </summary>
internal static class ScenarioBundle
{
    public const string FileName = "scenario.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ScenarioOptions options, IReadOnlyList<LabDeployment> deployments, string status, ScenarioTally? tally = null)
    {
        var scenario = options.Scenario;
        var t0 = options.T0;
        var json = new JsonObject
        {
            ["name"] = scenario.Name,
            ["hypothesis"] = scenario.Hypothesis,
            ["story"] = scenario.Story,
            ["status"] = status,
            ["plan"] = Plan(scenario.Ceiling.Description),
            ["ceilingDescription"] = scenario.Ceiling.Description,
            ["ceilingBytes"] = scenario.Ceiling.Bytes,
            ["appName"] = options.AppName,
            ["functions"] = new JsonArray([.. deployments.Select(d => d.Function).Distinct(StringComparer.Ordinal).Select(f => (JsonNode)JsonValue.Create(f))]),
            ["appSettings"] = Settings(deployments[0].AppSettings),
            ["t0"] = t0.UtcDateTime,
            ["compression"] = scenario.Compression,
            ["seed"] = options.Seed,
            ["remediation"] = !options.NoRemediation,
            ["phases"] = new JsonArray([.. scenario.Phases.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name, ["start"] = (t0 + p.Start).UtcDateTime, ["end"] = (t0 + p.End).UtcDateTime,
            })]),
            ["deployments"] = new JsonArray([.. deployments.Select((d, i) => (JsonNode)new JsonObject
            {
                ["package"] = d.Package,
                ["function"] = d.Function,
                ["trigger"] = d.Trigger.ToString().ToLowerInvariant(),
                ["start"] = (t0 + d.Start).UtcDateTime,
                ["end"] = (t0 + d.End).UtcDateTime,
                ["ceilingBytes"] = (long)(scenario.Ceiling.Bytes * d.CeilingFactor),
                ["appSettings"] = Settings(d.AppSettings),
                ["peakPrivateBytes"] = tally?.Peaks[i],
            })]),
        };
        if (tally is not null)
        {
            json["observed"] = new JsonObject
            {
                ["workerExits137"] = tally.Exits137,
                ["outOfMemoryExceptions"] = tally.OutOfMemoryExceptions,
                ["requests"] = tally.Requests,
                ["failedRequests"] = tally.FailedRequests,
            };
        }

        File.WriteAllText(Path.Combine(options.OutDirectory, FileName), json.ToJsonString(Json));
    }

    /// <summary>The plan's short name: <c>EP1/16</c> from <c>EP1/16 (224 MiB)</c>.</summary>
    private static string Plan(string description)
    {
        var paren = description.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? description[..paren] : description;
    }

    private static JsonObject Settings(IReadOnlyDictionary<string, string> settings) =>
        new([.. settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]);
}
