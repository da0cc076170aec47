using OomLab.Telemetry;

namespace OomLab.Report;

/// <summary>
/// Where a report's inputs are: a bundle folder (lab or scenario) with its files, or a bare telemetry store, and the
/// telemetry stores to read as one (<see cref="Telemetry"/>: the bundle's, or those of a folder of stores, and those given
/// after it). Each other path is null when the file is absent.
/// </summary>
internal sealed record ReportSource(
    string Path, string? BundleDirectory, IReadOnlyList<string> Telemetry, string? Settings, string? Scenario, string? Verdict, string? Session, string? Diagnosis)
{
    /// <summary>
    /// Resolves the first of <paramref name="paths"/> as <see cref="Resolve(string)"/> does, and adds the stores the others
    /// name (<see cref="TelemetryLocation"/>) to its telemetry.
    /// </summary>
    public static ReportSource Resolve(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        var first = Resolve(paths[0]);
        var more = TelemetryLocation.ResolveAll(paths.Skip(1), "report");
        return more.Count == 0 ? first : first with { Telemetry = [.. first.Telemetry.Union(more, StringComparer.Ordinal)] };
    }

    /// <summary>
    /// Resolves a bundle folder, a <c>telemetry.db</c> file, a bundle's <c>.oomlab</c> folder, or a folder of stores
    /// (every <c>telemetry.db</c> under it, see <see cref="TelemetryLocation"/>).
    /// </summary>
    public static ReportSource Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            // A telemetry store inside a bundle (<bundle>/.oomlab/telemetry.db) still gets the bundle's sections.
            var parent = System.IO.Path.GetDirectoryName(full);
            var bundle = parent is not null && System.IO.Path.GetFileName(parent) == ".oomlab" ? System.IO.Path.GetDirectoryName(parent) : null;
            return bundle is null ? new ReportSource(full, null, [full], null, null, null, null, null) : InBundle(bundle) with { Path = full, Telemetry = [full] };
        }

        if (!Directory.Exists(full))
        {
            throw new ReportException(path, ReportMessages.NoSuchSource);
        }

        var source = System.IO.Path.GetFileName(full) == ".oomlab" && File.Exists(System.IO.Path.Combine(full, "telemetry.db"))
            ? InBundle(System.IO.Path.GetDirectoryName(full)!)
            : InBundle(full);
        if (source is { Telemetry.Count: 0, Settings: null, Scenario: null, Verdict: null, Session: null, Diagnosis: null })
        {
            throw new ReportException(path, ReportMessages.NotABundle);
        }

        return source;
    }

    /// <summary>Where <c>report.html</c> goes by default: in the bundle, or beside a bare telemetry file.</summary>
    public string DefaultOutput =>
        System.IO.Path.Combine(BundleDirectory ?? System.IO.Path.GetDirectoryName(Path)!, "report.html");

    private static ReportSource InBundle(string directory)
    {
        string? Find(params string[] parts)
        {
            var file = System.IO.Path.Combine([directory, .. parts]);
            return File.Exists(file) ? file : null;
        }

        return new ReportSource(
            directory, directory, TelemetryLocation.Find(directory), Find("settings.json"), Find("scenario.json"),
            Find("verdict.json"), Find("evidence", "oom", "kql-session.json"), Find("diagnosis.json"));
    }
}
