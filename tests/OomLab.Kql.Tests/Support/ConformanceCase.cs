namespace OomLab.Kql.Tests.Support;

/// <summary>
/// One example of the official docs: a query that needs no stored table and the output table the page shows.
/// <see cref="Page"/> is the file under data-explorer/kusto/query/ and <see cref="Line"/> the line of its query block;
/// <see cref="Skip"/> says why a case is not run (the engine lacks what it needs, or the page itself is wrong).
/// </summary>
public sealed record ConformanceCase(string Page, int Line, string Query, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Skip)
{
    public string Id => $"{Page}:{Line}";

    public override string ToString() => Id;
}
