namespace OomLab.Telemetry;

/// <summary>One column of a telemetry table, named as Application Insights names it.</summary>
internal sealed record TelemetryColumn(string Name, TelemetryColumnType Type)
{
    /// <summary>The KQL type name: <c>datetime</c>, <c>timespan</c>, <c>string</c>, <c>bool</c>, <c>long</c>, <c>real</c>, <c>dynamic</c>.</summary>
    public string KqlType => Type switch
    {
        TelemetryColumnType.DateTime => "datetime",
        TelemetryColumnType.TimeSpan => "timespan",
        TelemetryColumnType.Bool => "bool",
        TelemetryColumnType.Long => "long",
        TelemetryColumnType.Real => "real",
        TelemetryColumnType.Dynamic => "dynamic",
        _ => "string",
    };

    /// <summary>The SQLite storage class.</summary>
    public string SqlType => Type switch
    {
        TelemetryColumnType.Real => "REAL",
        TelemetryColumnType.String or TelemetryColumnType.Dynamic => "TEXT",
        _ => "INTEGER",
    };
}
