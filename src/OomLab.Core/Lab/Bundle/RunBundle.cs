using System.Text.Json;
using System.Text.Json.Serialization;
using OomLab.Hosting;
using OomLab.Lab.Scenarios;

namespace OomLab.Lab.Bundle;

/// <summary>
/// What a run's folder says about the run, in one record: the seed lab writes it as <c>settings.json</c> (app, scale,
/// <c>ceiling</c> {bytes, description}, variant, compression, deployments with <c>from</c>/<c>to</c>, phases, loads), a
/// scenario as <c>scenario.json</c>, the ground truth <c>oomlab diagnose</c> is tested against (name, hypothesis,
/// story, plan, <c>ceilingBytes</c>, appName, functions, the faulty deployment's app settings, deployments with
/// <c>start</c>/<c>end</c>, ceiling and peak, and the observed counts). Each is written first with
/// <c>"status":"running"</c>, then again when the run ends. Fields a file does not carry are left out, so files
/// written before this record existed read back the same.
/// </summary>
internal sealed record RunBundle(string Status)
{
    private static readonly RunBundleJsonContext Json = new(new JsonSerializerOptions(RunBundleJsonContext.Default.Options)
    {
        // Stories and settings are read by people: an apostrophe stays an apostrophe.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The seed lab's file.</summary>
    public const string LabFileName = "settings.json";

    /// <summary>A scenario's file.</summary>
    public const string ScenarioFileName = "scenario.json";

    public string? Name { get; init; }

    public string? Hypothesis { get; init; }

    public string? Story { get; init; }

    /// <summary>Free text of a hand-written bundle; oomlab writes <see cref="Story"/>.</summary>
    public string? Description { get; init; }

    /// <summary>The app, in <c>settings.json</c>.</summary>
    public string? App { get; init; }

    /// <summary>The app, in <c>scenario.json</c>.</summary>
    public string? AppName { get; init; }

    public string? Scale { get; init; }

    public string? Plan { get; init; }

    [JsonConverter(typeof(BundleCeilingConverter))]
    public BundleCeiling? Ceiling { get; init; }

    public string? CeilingDescription { get; init; }

    public long? CeilingBytes { get; init; }

    public string? Variant { get; init; }

    public IReadOnlyList<string>? Functions { get; init; }

    /// <summary>The first (faulty) deployment's app settings, in <c>scenario.json</c>.</summary>
    public IReadOnlyDictionary<string, string>? AppSettings { get; init; }

    public int? Seed { get; init; }

    public DateTime? T0 { get; init; }

    [JsonConverter(typeof(BundleCompressionConverter))]
    public BundleCompression? Compression { get; init; }

    /// <summary>False when the scenario ran with <c>--no-remediation</c>.</summary>
    public bool? Remediation { get; init; }

    public IReadOnlyList<BundleDeployment>? Deployments { get; init; }

    public IReadOnlyList<BundlePhase>? Phases { get; init; }

    public IReadOnlyList<BundleLoad>? Loads { get; init; }

    public BundleObserved? Observed { get; init; }

    /// <summary>The seed lab's <c>settings.json</c>.</summary>
    public static RunBundle ForLab(LabOptions options, string status)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scale = options.Scale;
        var plan = options.Plan;
        var t0 = options.T0;
        return new RunBundle(status)
        {
            App = options.AppName,
            Scale = scale.Name,
            Ceiling = new BundleCeiling(scale.Ceiling.Bytes, scale.Ceiling.Description),
            Variant = options.Variant.ToString().ToLowerInvariant(),
            Seed = options.Seed,
            T0 = t0.UtcDateTime,
            Compression = BundleCompression.Of(scale.Compression),
            Deployments = [.. plan.Deployments.Select(d => new BundleDeployment(d.Package, d.Function, d.AppSettings)
            {
                From = (t0 + d.Start).UtcDateTime,
                To = (t0 + d.End).UtcDateTime,
            })],
            Phases = PhasesOf(plan, t0),
            Loads = [.. scale.Loads.Select(l => new BundleLoad(l.Phase.Name, (t0 + l.Start).UtcDateTime, l.Count, l.Sizes.ToString(), l.Rate))],
        };
    }

    /// <summary>A scenario's <c>scenario.json</c>; with <paramref name="counters"/> once the run has ended.</summary>
    public static RunBundle ForScenario(ScenarioOptions options, string status, RunCounters? counters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scenario = options.Scenario;
        var plan = options.Plan;
        var t0 = options.T0;
        var peaks = counters?.Peaks;
        return new RunBundle(status)
        {
            Name = scenario.Name,
            Hypothesis = scenario.Hypothesis,
            Story = scenario.Story,
            Plan = PlanName(scenario.Ceiling.Description),
            CeilingDescription = scenario.Ceiling.Description,
            CeilingBytes = scenario.Ceiling.Bytes,
            AppName = options.AppName,
            Functions = [.. plan.Deployments.Select(d => d.Function).Distinct(StringComparer.Ordinal)],
            AppSettings = Sorted(plan.Deployments[0].AppSettings),
            T0 = t0.UtcDateTime,
            Compression = BundleCompression.Of(scenario.Compression),
            Seed = options.Seed,
            Remediation = !options.NoRemediation,
            Phases = PhasesOf(plan, t0),
            Deployments = [.. plan.Deployments.Select((d, i) => new BundleDeployment(d.Package, d.Function, Sorted(d.AppSettings))
            {
                Trigger = d.Trigger.ToString().ToLowerInvariant(),
                Start = (t0 + d.Start).UtcDateTime,
                End = (t0 + d.End).UtcDateTime,
                CeilingBytes = plan.CeilingOf(d).Bytes,
                PeakPrivateBytes = peaks?[i],
            })],
            Observed = counters is null ? null : new BundleObserved(counters.Exits137, counters.OutOfMemory, counters.Requests, counters.FailedRequests),
        };
    }

    /// <summary>Reads <paramref name="file"/>; null when there is none. Throws <see cref="JsonException"/> when it is not a bundle's JSON.</summary>
    public static RunBundle? Read(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!File.Exists(file))
        {
            return null;
        }

        return JsonSerializer.Deserialize(File.ReadAllText(file), Json.RunBundle);
    }

    /// <summary>Writes this record as <paramref name="fileName"/> in <paramref name="directory"/>.</summary>
    public void Write(string directory, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        File.WriteAllText(Path.Combine(directory, fileName), ToJson());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json.RunBundle);

    private static BundlePhase[] PhasesOf(LabRunPlan plan, DateTimeOffset t0) =>
        [.. plan.Phases.Select(p => new BundlePhase(p.Name, (t0 + p.Start).UtcDateTime, (t0 + p.End).UtcDateTime))];

    /// <summary>The plan's short name: <c>EP1/16</c> from <c>EP1/16 (224 MiB)</c>.</summary>
    private static string PlanName(string description)
    {
        var paren = description.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? description[..paren] : description;
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
