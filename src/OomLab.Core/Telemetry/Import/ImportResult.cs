namespace OomLab.Telemetry.Import;

/// <summary>
/// What an import wrote: the table, the rows, the file's columns that table does not have (not imported), and why
/// the table's columnar copy was not written (null when it was; the rows are imported either way).
/// </summary>
internal sealed record ImportResult(string File, string Table, long Rows, IReadOnlyList<string> IgnoredColumns, string? CopyNotWritten = null);
