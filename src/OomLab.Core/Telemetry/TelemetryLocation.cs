namespace OomLab.Telemetry;

/// <summary>
/// Finds telemetry stores from what a user points at: a store's file, a host root or a lab run's folder (its
/// <c>.oomlab/telemetry.db</c> or <c>telemetry.db</c>), or a folder of those (one store per instance of a scaled-out
/// app): a folder that is no store itself stands for every <c>telemetry.db</c> under it, at any depth, and every
/// <c>*.db</c> file directly in it.
/// </summary>
internal static class TelemetryLocation
{
    public const string FileName = "telemetry.db";

    private static readonly EnumerationOptions Everywhere = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.None,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseSensitive,
    };

    private static readonly EnumerationOptions Here = new() { AttributesToSkip = FileAttributes.None, MatchCasing = MatchCasing.CaseSensitive };

    /// <summary>
    /// The store files of <paramref name="paths"/> in the order given (a folder of stores' in path order), each once;
    /// throws <see cref="OomLabException"/> naming the first path (after <paramref name="option"/>) that names no store.
    /// </summary>
    public static IReadOnlyList<string> ResolveAll(IEnumerable<string> paths, string option)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var stores = new List<string>();
        foreach (var path in paths)
        {
            var found = Find(path);
            if (found.Count == 0)
            {
                throw new OomLabException(File.Exists(path) || Directory.Exists(path)
                    ? TelemetryStoreMessages.NoStore(option, path)
                    : TelemetryStoreMessages.Missing(option, path));
            }

            stores.AddRange(found.Where(store => !stores.Contains(store, StringComparer.Ordinal)));
        }

        return stores;
    }

    /// <summary>The store files <paramref name="path"/> names (see the type's summary): none when it names none.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        string[] candidates = [full, Path.Combine(full, ".oomlab", FileName), Path.Combine(full, FileName)];
        if (candidates.FirstOrDefault(File.Exists) is { } own)
        {
            return [own];
        }

        return Directory.Exists(full)
            ? [.. Directory.EnumerateFiles(full, FileName, Everywhere)
                .Concat(Directory.EnumerateFiles(full, "*.db", Here))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)]
            : [];
    }
}
