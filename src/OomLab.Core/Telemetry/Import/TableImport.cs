namespace OomLab.Telemetry.Import;

/// <summary>The rows an import put into one table, and the columns it added to the table (in the order met).</summary>
internal sealed record TableImport(string Table, long Rows, IReadOnlyList<string> AddedColumns);
