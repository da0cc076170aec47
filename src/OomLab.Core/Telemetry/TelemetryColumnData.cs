using OomLab.Kql;

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

    /// <summary>The column's KQL type.</summary>
    public static KqlType KqlTypeOf(TelemetryColumnType type) => type switch
    {
        TelemetryColumnType.DateTime => KqlType.DateTime,
        TelemetryColumnType.TimeSpan => KqlType.TimeSpan,
        TelemetryColumnType.Long => KqlType.Long,
        TelemetryColumnType.Real => KqlType.Real,
        TelemetryColumnType.Bool => KqlType.Bool,
        TelemetryColumnType.Dynamic => KqlType.Dynamic,
        _ => KqlType.String,
    };

    /// <summary>The column with no rows.</summary>
    public static TelemetryColumnData Empty(TelemetryColumn column) => new(column, column.Type switch
    {
        TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => Array.Empty<long>(),
        TelemetryColumnType.Real => Array.Empty<double>(),
        TelemetryColumnType.Bool => Array.Empty<bool>(),
        _ => Array.Empty<string?>(),
    }, null);

    public bool IsNull(int row) => Values is string?[] strings ? strings[row] is null : Nulls?[row] == true;

    /// <summary>Adds the values to <paramref name="builder"/> as a KQL column of the same name.</summary>
    public KqlTableBuilder AddTo(KqlTableBuilder builder) => Type switch
    {
        TelemetryColumnType.DateTime => builder.AddDateTime(Name, (long[])Values, Nulls),
        TelemetryColumnType.TimeSpan => builder.AddTimeSpan(Name, (long[])Values, Nulls),
        TelemetryColumnType.Long => builder.AddLong(Name, (long[])Values, Nulls),
        TelemetryColumnType.Real => builder.AddReal(Name, (double[])Values, Nulls),
        TelemetryColumnType.Bool => builder.AddBool(Name, (bool[])Values, Nulls),
        TelemetryColumnType.Dynamic => builder.AddDynamic(Name, (string?[])Values),
        _ => builder.AddString(Name, (string?[])Values),
    };
}
