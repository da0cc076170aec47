using T = OomLab.Telemetry.TelemetryColumnType;

namespace OomLab.Telemetry;

/// <summary>
/// The tables and columns of the telemetry store, named exactly as Application Insights and Log Analytics
/// name them, with their KQL types, so that queries written for Azure run unchanged.
/// </summary>
internal static class TelemetrySchema
{
    public static TelemetryTable Requests { get; } = Table("requests",
        ("timestamp", T.DateTime), ("id", T.String), ("name", T.String), ("url", T.String), ("success", T.Bool),
        ("resultCode", T.String), ("duration", T.TimeSpan), ("itemType", T.String), ("customDimensions", T.Dynamic),
        ("operation_Name", T.String), ("operation_Id", T.String), ("operation_ParentId", T.String),
        ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String), ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable Dependencies { get; } = Table("dependencies",
        ("timestamp", T.DateTime), ("id", T.String), ("target", T.String), ("type", T.String), ("name", T.String),
        ("data", T.String), ("success", T.Bool), ("resultCode", T.String), ("duration", T.TimeSpan),
        ("itemType", T.String), ("customDimensions", T.Dynamic), ("operation_Name", T.String), ("operation_Id", T.String),
        ("operation_ParentId", T.String), ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String),
        ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable Traces { get; } = Table("traces",
        ("timestamp", T.DateTime), ("message", T.String), ("severityLevel", T.Long), ("itemType", T.String),
        ("customDimensions", T.Dynamic), ("operation_Name", T.String), ("operation_Id", T.String),
        ("operation_ParentId", T.String), ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String),
        ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable Exceptions { get; } = Table("exceptions",
        ("timestamp", T.DateTime), ("problemId", T.String), ("type", T.String), ("message", T.String),
        ("outerType", T.String), ("outerMessage", T.String), ("innermostType", T.String), ("innermostMessage", T.String),
        ("severityLevel", T.Long), ("details", T.String), ("itemType", T.String), ("customDimensions", T.Dynamic),
        ("operation_Name", T.String), ("operation_Id", T.String), ("cloud_RoleName", T.String),
        ("cloud_RoleInstance", T.String), ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable PerformanceCounters { get; } = Table("performanceCounters",
        ("timestamp", T.DateTime), ("name", T.String), ("category", T.String), ("counter", T.String),
        ("instance", T.String), ("value", T.Real), ("customDimensions", T.Dynamic), ("cloud_RoleName", T.String),
        ("cloud_RoleInstance", T.String), ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable CustomMetrics { get; } = Table("customMetrics",
        ("timestamp", T.DateTime), ("name", T.String), ("value", T.Real), ("valueCount", T.Long), ("valueSum", T.Real),
        ("valueMin", T.Real), ("valueMax", T.Real), ("customDimensions", T.Dynamic), ("operation_Name", T.String),
        ("operation_Id", T.String), ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String),
        ("appName", T.String), ("itemCount", T.Long));

    public static TelemetryTable FunctionAppLogs { get; } = Table("FunctionAppLogs",
        ("TimeGenerated", T.DateTime), ("AppName", T.String), ("FunctionName", T.String), ("Level", T.String),
        ("LevelId", T.Long), ("Message", T.String), ("Category", T.String), ("HostInstanceId", T.String),
        ("FunctionInvocationId", T.String), ("ExceptionType", T.String), ("ExceptionMessage", T.String),
        ("ExceptionDetails", T.String), ("ProcessId", T.Long), ("RoleInstance", T.String));

    public static TelemetryTable AppMetrics { get; } = Table("AppMetrics",
        ("TimeGenerated", T.DateTime), ("Name", T.String), ("Value", T.Real), ("Sum", T.Real), ("Min", T.Real),
        ("Max", T.Real), ("ItemCount", T.Long), ("Properties", T.Dynamic), ("AppRoleName", T.String),
        ("AppRoleInstance", T.String), ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String));

    /// <summary>Every table, in a fixed order.</summary>
    public static IReadOnlyList<TelemetryTable> Tables { get; } =
        [Requests, Dependencies, Traces, Exceptions, PerformanceCounters, CustomMetrics, FunctionAppLogs, AppMetrics];

    /// <summary>Finds a table by its exact name (KQL table names are case-sensitive).</summary>
    public static TelemetryTable? Find(string name) => Tables.FirstOrDefault(table => table.Name == name);

    private static TelemetryTable Table(string name, params (string Name, TelemetryColumnType Type)[] columns) =>
        new(name, columns.Select(column => new TelemetryColumn(column.Name, column.Type)).ToArray());
}
