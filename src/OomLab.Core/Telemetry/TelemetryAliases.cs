namespace OomLab.Telemetry;

/// <summary>
/// The classic Application Insights tables and their workspace-based twins hold the same telemetry under other names:
/// a row of either is queryable as both (<c>requests</c> and <c>AppRequests</c>, ...). Each pair maps the workspace
/// column names to the classic ones; <c>DurationMs</c> (real milliseconds) is <c>duration</c> (a timespan).
/// The table of the mapping is in docs/IMPORT.md.
/// </summary>
internal static class TelemetryAliases
{
    private static readonly (string Workspace, string Classic)[] Common =
    [
        ("TimeGenerated", "timestamp"), ("Properties", "customDimensions"), ("Measurements", "customMeasurements"),
        ("OperationName", "operation_Name"), ("OperationId", "operation_Id"), ("ParentId", "operation_ParentId"),
        ("SyntheticSource", "operation_SyntheticSource"), ("SessionId", "session_Id"), ("UserId", "user_Id"),
        ("UserAuthenticatedId", "user_AuthenticatedId"), ("UserAccountId", "user_AccountId"),
        ("AppVersion", "application_Version"), ("AppRoleName", "cloud_RoleName"), ("AppRoleInstance", "cloud_RoleInstance"),
        ("ClientType", "client_Type"), ("ClientModel", "client_Model"), ("ClientOS", "client_OS"), ("ClientIP", "client_IP"),
        ("ClientCity", "client_City"), ("ClientStateOrProvince", "client_StateOrProvince"),
        ("ClientCountryOrRegion", "client_CountryOrRegion"), ("ClientBrowser", "client_Browser"), ("IKey", "iKey"),
        ("SDKVersion", "sdkVersion"), ("ItemCount", "itemCount"),
    ];

    private static readonly (string Workspace, string Classic)[] Invocation =
    [
        ("Id", "id"), ("Name", "name"), ("Success", "success"), ("ResultCode", "resultCode"), ("DurationMs", "duration"),
        ("PerformanceBucket", "performanceBucket"),
    ];

    /// <summary>Each pair: the classic table, the workspace table, the workspace-to-classic column names.</summary>
    public static IReadOnlyList<TelemetryPair> Pairs { get; } =
    [
        Pair("requests", "AppRequests", [.. Invocation, ("Url", "url"), ("Source", "source")]),
        Pair("dependencies", "AppDependencies", [.. Invocation, ("Target", "target"), ("DependencyType", "type"), ("Data", "data")]),
        Pair("traces", "AppTraces", [("Message", "message"), ("SeverityLevel", "severityLevel")]),
        Pair("exceptions", "AppExceptions",
        [
            ("ProblemId", "problemId"), ("HandledAt", "handledAt"), ("ExceptionType", "type"), ("Assembly", "assembly"),
            ("Method", "method"), ("OuterType", "outerType"), ("OuterMessage", "outerMessage"), ("OuterAssembly", "outerAssembly"),
            ("OuterMethod", "outerMethod"), ("InnermostType", "innermostType"), ("InnermostMessage", "innermostMessage"),
            ("InnermostAssembly", "innermostAssembly"), ("InnermostMethod", "innermostMethod"), ("Message", "message"),
            ("SeverityLevel", "severityLevel"), ("Details", "details"),
        ]),
        Pair("performanceCounters", "AppPerformanceCounters",
            [("Name", "name"), ("Category", "category"), ("Counter", "counter"), ("Instance", "instance"), ("Value", "value")]),
        Pair("customMetrics", "AppMetrics",
            [("Name", "name"), ("Value", "value"), ("Sum", "valueSum"), ("Min", "valueMin"), ("Max", "valueMax")]),
        Pair("availabilityResults", "AppAvailabilityResults",
        [
            ("Id", "id"), ("Name", "name"), ("Location", "location"), ("Success", "success"), ("Message", "message"),
            ("Size", "size"), ("DurationMs", "duration"), ("PerformanceBucket", "performanceBucket"),
        ]),
    ];

    /// <summary>
    /// Columns of a table that stand in for another of the same table when it is empty: <c>AppMetrics</c> as the host
    /// writes it has <c>cloud_RoleName</c> / <c>cloud_RoleInstance</c> beside the workspace's <c>AppRoleName</c> /
    /// <c>AppRoleInstance</c>, which an imported <c>AppMetrics</c> fills instead.
    /// </summary>
    public static IReadOnlyList<string> FallbacksOf(string table, string column) => (table, column) switch
    {
        ("AppMetrics", "cloud_RoleName") => ["AppRoleName"],
        ("AppMetrics", "cloud_RoleInstance") => ["AppRoleInstance"],
        ("customMetrics", "cloud_RoleName") => ["AppRoleName"],
        ("customMetrics", "cloud_RoleInstance") => ["AppRoleInstance"],
        _ => [],
    };

    /// <summary>The other table of <paramref name="table"/>'s pair, or null.</summary>
    public static TelemetryPair? PairOf(string table) =>
        Pairs.FirstOrDefault(pair => pair.Classic == table || pair.Workspace == table);

    private static TelemetryPair Pair(string classic, string workspace, (string Workspace, string Classic)[] own) =>
        new(classic, workspace, [.. own, .. Common]);
}
