namespace OomLab.Sdk;

/// <summary>Names a function as it appears in telemetry (<c>requests.name</c>, <c>FunctionAppLogs.FunctionName</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    /// <summary>The function name.</summary>
    public string Name { get; } = name;
}
