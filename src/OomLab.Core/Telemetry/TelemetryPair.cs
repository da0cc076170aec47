namespace OomLab.Telemetry;

/// <summary>A classic table and its workspace-based twin, with the workspace-to-classic column names.</summary>
internal sealed class TelemetryPair
{
    private readonly Dictionary<string, string> toClassic;
    private readonly Dictionary<string, string> toWorkspace;

    public TelemetryPair(string classic, string workspace, IReadOnlyList<(string Workspace, string Classic)> columns)
    {
        Classic = classic;
        Workspace = workspace;
        Columns = columns;
        toClassic = columns.ToDictionary(c => c.Workspace, c => c.Classic, StringComparer.Ordinal);
        toWorkspace = columns.ToDictionary(c => c.Classic, c => c.Workspace, StringComparer.Ordinal);
    }

    public string Classic { get; }

    public string Workspace { get; }

    /// <summary>The column names, workspace and classic.</summary>
    public IReadOnlyList<(string Workspace, string Classic)> Columns { get; }

    /// <summary>The other table of the pair.</summary>
    public string Other(string table) => table == Classic ? Workspace : Classic;

    /// <summary>
    /// The name in <paramref name="to"/> (a table of this pair) of column <paramref name="column"/> of the other table;
    /// a column with no twin keeps its name.
    /// </summary>
    public string Rename(string column, string to) =>
        (to == Classic ? toClassic : toWorkspace).GetValueOrDefault(column, column);

    /// <summary>The name in the other table of <paramref name="column"/> of <paramref name="table"/>, or null when it has no twin.</summary>
    public string? TwinOf(string table, string column) =>
        (table == Classic ? toWorkspace : toClassic).GetValueOrDefault(column);
}
