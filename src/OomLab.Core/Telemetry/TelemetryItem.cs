namespace OomLab.Telemetry;

/// <summary>
/// One row of an Application Insights-shaped table. <c>cloud_RoleName</c> and <c>cloud_RoleInstance</c>
/// are stamped by the sink that owns the app identity, not by each producer.
/// </summary>
/// <param name="Timestamp">When it happened, on the host's clock (the lab clock during a lab run).</param>
/// <param name="OperationId">The invocation id the item belongs to, or empty.</param>
/// <param name="OperationName">The function name the item belongs to, or empty.</param>
/// <param name="Properties">Stored as <c>customDimensions</c> (a JSON object); null for none.</param>
internal abstract record TelemetryItem(
    DateTimeOffset Timestamp,
    string OperationId = "",
    string OperationName = "",
    IReadOnlyDictionary<string, string>? Properties = null);
