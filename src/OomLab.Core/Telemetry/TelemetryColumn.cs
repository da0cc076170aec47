namespace OomLab.Telemetry;

/// <summary>
/// One column of a telemetry table, named as Application Insights names it. <see cref="Storage"/> is its SQLite column:
/// the name itself for the built-in columns, <c>x_N</c> for a column an import added (KQL names are case-sensitive and
/// may hold any character; SQLite's are neither).
/// </summary>
internal sealed record TelemetryColumn(string Name, TelemetryColumnType Type)
{
    /// <summary>The SQLite column that holds the values (default: <see cref="Name"/>).</summary>
    public string Storage { get; init; } = Name;

    /// <summary>The type named by a KQL type name (<c>datetime</c>, <c>int</c>, <c>guid</c>, ...); null for a name that is none.</summary>
    public static TelemetryColumnType? TypeNamed(string? kqlType) => kqlType?.ToLowerInvariant() switch
    {
        "datetime" or "date" => TelemetryColumnType.DateTime,
        "timespan" or "time" => TelemetryColumnType.TimeSpan,
        "bool" or "boolean" => TelemetryColumnType.Bool,
        "int" or "long" or "int32" or "int64" => TelemetryColumnType.Long,
        "real" or "double" or "decimal" or "float" => TelemetryColumnType.Real,
        "dynamic" or "object" => TelemetryColumnType.Dynamic,
        "string" or "guid" or "uniqueid" => TelemetryColumnType.String,
        _ => null,
    };

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
