namespace OomLab.Telemetry.Import;

/// <summary>What an import wrote: the table, the rows, and the file's columns that table does not have (not imported).</summary>
internal sealed record ImportResult(string File, string Table, long Rows, IReadOnlyList<string> IgnoredColumns);
