using OomLab.Kql;

namespace OomLab.Playbook;

/// <summary>The rows a hypothesis's query returned (the first <see cref="Rows"/> of <see cref="TotalRows"/>), as text.</summary>
internal sealed record EvidenceTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows)
{
    public static EvidenceTable Empty { get; } = new([], [], 0);

    public static EvidenceTable From(KqlTable table, int limit) => new(
        table.Columns.Select(c => c.Name).ToList(),
        Enumerable.Range(0, Math.Min(limit, table.RowCount)).Select(r => (IReadOnlyList<string>)table.Columns.Select(c => c.IsNull(r) ? string.Empty : c.GetText(r)).ToList()).ToList(),
        table.RowCount);
}
