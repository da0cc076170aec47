namespace OomLab.Sdk;

/// <summary>Log levels, named as in <c>FunctionAppLogs.Level</c>; values match Application Insights' <c>severityLevel</c>.</summary>
public enum LogLevel
{
    /// <summary>severityLevel 0.</summary>
    Verbose = 0,
    /// <summary>severityLevel 1.</summary>
    Information = 1,
    /// <summary>severityLevel 2.</summary>
    Warning = 2,
    /// <summary>severityLevel 3.</summary>
    Error = 3,
    /// <summary>severityLevel 4.</summary>
    Critical = 4,
}
