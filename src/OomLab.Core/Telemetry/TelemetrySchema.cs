using T = OomLab.Telemetry.TelemetryColumnType;

namespace OomLab.Telemetry;

/// <summary>
/// The tables and columns of the telemetry store, named exactly as Application Insights and Log Analytics
/// name them, with their KQL types, so that queries written for Azure run unchanged.
/// </summary>
internal static partial class TelemetrySchema
{
    private static IReadOnlyList<TelemetryTable>? known;

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

    public static TelemetryTable AvailabilityResults { get; } = Table("availabilityResults",
        ("timestamp", T.DateTime), ("id", T.String), ("name", T.String), ("location", T.String), ("success", T.Bool),
        ("message", T.String), ("size", T.Real), ("duration", T.TimeSpan), ("performanceBucket", T.String),
        ("itemType", T.String), ("customDimensions", T.Dynamic), ("customMeasurements", T.Dynamic),
        ("operation_Name", T.String), ("operation_Id", T.String), ("operation_ParentId", T.String),
        ("cloud_RoleName", T.String), ("cloud_RoleInstance", T.String), ("appName", T.String), ("itemCount", T.Long));

    /// <summary>The tables every store has (the host writes them), in a fixed order.</summary>
    public static IReadOnlyList<TelemetryTable> Tables { get; } =
        [Requests, Dependencies, Traces, Exceptions, PerformanceCounters, CustomMetrics, FunctionAppLogs, AppMetrics];

    /// <summary>
    /// Every table with a known schema: <see cref="Tables"/>, <c>availabilityResults</c> and the workspace-based tables
    /// (<c>AppRequests</c>, ...). Those beyond <see cref="Tables"/> are created in a store when rows are imported into them.
    /// </summary>
    // Built on first use: the workspace tables are initialized in another part of this class, in no promised order.
    public static IReadOnlyList<TelemetryTable> Known => known ??=
        [.. Tables, AvailabilityResults, AppRequests, AppDependencies, AppTraces, AppExceptions, AppPerformanceCounters, AppAvailabilityResults];

    /// <summary>Finds a known table by its exact name (KQL table names are case-sensitive).</summary>
    public static TelemetryTable? Find(string name) => Known.FirstOrDefault(table => table.Name == name);

    /// <summary>Finds a known table by its name in any case.</summary>
    public static TelemetryTable? FindIgnoringCase(string? name) =>
        name is null ? null : Find(name) ?? Known.FirstOrDefault(table => string.Equals(table.Name, name, StringComparison.OrdinalIgnoreCase));

    private static TelemetryTable Table(string name, params (string Name, TelemetryColumnType Type)[] columns) =>
        new(name, columns.Select(column => new TelemetryColumn(column.Name, column.Type)).ToArray());
}
