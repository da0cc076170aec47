namespace OomLab.Report;

/// <summary>A query of <c>evidence/oom/kql-session.json</c> with its result, all values as text.</summary>
/// <param name="TotalRows">Rows in the session file; <paramref name="Rows"/> holds at most the report's row limit.</param>
internal sealed record QueryResult(
    string Id, string Title, string Text, string Window, string Adaptation, string Error,
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows);
