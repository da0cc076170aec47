namespace OomLab.Telemetry;

/// <summary>
/// A telemetry column's KQL type and how it is stored: datetime and timespan as INTEGER 100-ns ticks (UTC),
/// bool as INTEGER 0/1, long as INTEGER, real as REAL, string as TEXT, dynamic as JSON TEXT.
/// </summary>
internal enum TelemetryColumnType
{
    DateTime,
    TimeSpan,
    String,
    Bool,
    Long,
    Real,
    Dynamic,
}
