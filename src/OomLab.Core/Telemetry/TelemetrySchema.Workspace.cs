using T = OomLab.Telemetry.TelemetryColumnType;

namespace OomLab.Telemetry;

/// <summary>
/// The workspace-based Application Insights tables (Azure Monitor Logs reference, "AppRequests" and the others),
/// with the columns and types that reference lists. <c>AppMetrics</c> is in <see cref="Tables"/>: the host writes it.
/// </summary>
internal static partial class TelemetrySchema
{
    // The columns every App* table has, after its own.
    private static readonly (string, TelemetryColumnType)[] WorkspaceCommon =
    [
        ("Properties", T.Dynamic), ("Measurements", T.Dynamic), ("OperationName", T.String), ("OperationId", T.String),
        ("ParentId", T.String), ("SyntheticSource", T.String), ("SessionId", T.String), ("UserId", T.String),
        ("UserAuthenticatedId", T.String), ("UserAccountId", T.String), ("AppVersion", T.String), ("AppRoleName", T.String),
        ("AppRoleInstance", T.String), ("ClientType", T.String), ("ClientModel", T.String), ("ClientOS", T.String),
        ("ClientIP", T.String), ("ClientCity", T.String), ("ClientStateOrProvince", T.String),
        ("ClientCountryOrRegion", T.String), ("ClientBrowser", T.String), ("ResourceGUID", T.String), ("IKey", T.String),
        ("SDKVersion", T.String), ("ItemCount", T.Long), ("ReferencedItemId", T.String), ("ReferencedType", T.String),
        ("SourceSystem", T.String), ("TenantId", T.String), ("Type", T.String), ("_ResourceId", T.String),
        ("_BilledSize", T.Real), ("_IsBillable", T.String),
    ];

    public static TelemetryTable AppRequests { get; } = Workspace("AppRequests",
        ("TimeGenerated", T.DateTime), ("Id", T.String), ("Source", T.String), ("Name", T.String), ("Url", T.String),
        ("Success", T.Bool), ("ResultCode", T.String), ("DurationMs", T.Real), ("PerformanceBucket", T.String));

    public static TelemetryTable AppDependencies { get; } = Workspace("AppDependencies",
        ("TimeGenerated", T.DateTime), ("Id", T.String), ("Target", T.String), ("DependencyType", T.String),
        ("Name", T.String), ("Data", T.String), ("Success", T.Bool), ("ResultCode", T.String), ("DurationMs", T.Real),
        ("PerformanceBucket", T.String));

    public static TelemetryTable AppTraces { get; } = Workspace("AppTraces",
        ("TimeGenerated", T.DateTime), ("Message", T.String), ("SeverityLevel", T.Long));

    public static TelemetryTable AppExceptions { get; } = Workspace("AppExceptions",
        ("TimeGenerated", T.DateTime), ("ProblemId", T.String), ("HandledAt", T.String), ("ExceptionType", T.String),
        ("Assembly", T.String), ("Method", T.String), ("OuterType", T.String), ("OuterMessage", T.String),
        ("OuterAssembly", T.String), ("OuterMethod", T.String), ("InnermostType", T.String), ("InnermostMessage", T.String),
        ("InnermostAssembly", T.String), ("InnermostMethod", T.String), ("SeverityLevel", T.Long), ("Details", T.Dynamic),
        ("Message", T.String));

    public static TelemetryTable AppPerformanceCounters { get; } = Workspace("AppPerformanceCounters",
        ("TimeGenerated", T.DateTime), ("Name", T.String), ("Category", T.String), ("Counter", T.String),
        ("Instance", T.String), ("Value", T.Real));

    public static TelemetryTable AppAvailabilityResults { get; } = Workspace("AppAvailabilityResults",
        ("TimeGenerated", T.DateTime), ("Id", T.String), ("Name", T.String), ("Location", T.String), ("Success", T.Bool),
        ("Message", T.String), ("Size", T.Real), ("DurationMs", T.Real), ("PerformanceBucket", T.String));

    private static TelemetryTable Workspace(string name, params (string Name, TelemetryColumnType Type)[] own) =>
        Table(name, [.. own, .. WorkspaceCommon]);
}
