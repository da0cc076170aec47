using OomLab.Memory;

namespace OomLab.Lab.Scenarios;

/// <summary>Every scenario by name: one per playbook hypothesis, and the control.</summary>
internal static class ScenarioCatalog
{
    private static readonly (string Name, Func<MemoryCeiling, LabScenario> Create)[] Entries =
    [
        ("h1-payload", H1Payload.Create),
        ("h2-blob", H2Blob.Create),
        ("h3-cache", H3Cache.Create),
        ("h4-dispose", H4Dispose.Create),
        ("h5-media", H5Media.Create),
        ("h6-ceiling", H6Ceiling.Create),
        ("control", Control.Create),
    ];

    /// <summary>The scenarios' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>The scenarios' default ceiling: EP1/16 (224 MiB), as the seed lab's small preset.</summary>
    public static MemoryCeiling DefaultCeiling => LabScale.Small.Ceiling;

    /// <summary>Creates the scenario called <paramref name="name"/> (ignoring case) for <paramref name="ceiling"/>; false when there is none.</summary>
    public static bool TryCreate(string name, MemoryCeiling ceiling, out LabScenario scenario)
    {
        var entry = Entries.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        scenario = entry.Create?.Invoke(ceiling)!;
        return scenario is not null;
    }
}
