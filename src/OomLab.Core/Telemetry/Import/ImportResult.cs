namespace OomLab.Telemetry.Import;

/// <summary>
/// What an import of one file wrote: per table, the rows and the columns added to it (the file's columns the table did
/// not have), and why a table's columnar copy was not written (the rows are imported either way).
/// </summary>
internal sealed record ImportResult(string File, IReadOnlyList<TableImport> Tables, IReadOnlyList<string> CopyNotes)
{
    public long Rows => Tables.Sum(t => t.Rows);
}
