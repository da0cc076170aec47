namespace OomLab.Telemetry;

/// <summary>Who emits: the app name (<c>cloud_RoleName</c>, <c>appName</c>, <c>AppName</c>) and the instance (<c>cloud_RoleInstance</c>).</summary>
internal sealed record TelemetryIdentity
{
    public TelemetryIdentity(string appName, string instanceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        AppName = appName;
        InstanceName = instanceName;
    }

    public string AppName { get; }

    public string InstanceName { get; }
}
