namespace OomLab.Telemetry;

/// <summary>A whole table read column by column, in schema order.</summary>
internal sealed record TelemetryTableData(TelemetryTable Table, int RowCount, IReadOnlyList<TelemetryColumnData> Columns)
{
    public TelemetryColumnData this[string column] =>
        Columns.FirstOrDefault(data => data.Name == column) ?? throw new KeyNotFoundException($"{Table.Name} has no column {column}");
}
