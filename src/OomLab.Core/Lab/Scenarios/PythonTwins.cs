namespace OomLab.Lab.Scenarios;

/// <summary>
/// The scenarios that have a Python twin (<c>oomlab lab --scenario X --runtime python</c>): the same timeline, load
/// and settings, with Python v2 apps shipped in <c>python/</c> next to oomlab in place of the C# functions. h2-blob
/// runs the seed's own apps (<see cref="SeedApps"/>). The others are not written yet: an h1 twin (an HTTP function
/// buffering the body) reproduces the kills but is diagnosed "weakened", because a Python worker's death also fails the
/// small requests in flight with it, so the median body of the crashed operations is small (docs/LAB.md).
/// </summary>
internal static class PythonTwins
{
    public static IReadOnlyList<string> Names { get; } = ["h2-blob"];

    /// <summary>The twin's apps, or null when <paramref name="scenario"/> has none yet.</summary>
    /// <exception cref="Workers.Rpc.FunctionAppException">An app is not shipped or cannot be indexed.</exception>
    public static LabApp? For(string scenario)
    {
        return scenario == "h2-blob" ? SeedApps.For(LabVariant.Buffer) : null;
    }
}
