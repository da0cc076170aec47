namespace OomLab.Telemetry;

/// <summary>
/// What a table of one store holds, for telling whether a columnar copy of it is current: the store's stamp
/// (written once per store file, see <see cref="ColumnarCopy"/>; null for a store that has none), the table's row
/// count and its last rowid. Rows are only ever appended, so a table with the same three has the same rows.
/// </summary>
internal readonly record struct TableVersion(string? Stamp, int Rows, long LastRowId);
