namespace OomLab.Telemetry;

/// <summary>
/// One column's values as a typed array: <c>long[]</c> for datetime and timespan (ticks) and long,
/// <c>double[]</c> for real, <c>bool[]</c> for bool, <c>string?[]</c> for string and dynamic (JSON text).
/// For non-string columns, <see cref="Nulls"/> marks missing values (true = null); it is null when none are.
/// </summary>
internal sealed record TelemetryColumnData(TelemetryColumn Column, Array Values, bool[]? Nulls)
{
    public string Name => Column.Name;

    public TelemetryColumnType Type => Column.Type;

    public bool IsNull(int row) => Values is string?[] strings ? strings[row] is null : Nulls?[row] == true;
}
