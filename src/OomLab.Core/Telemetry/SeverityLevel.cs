namespace OomLab.Telemetry;

/// <summary>Application Insights' <c>severityLevel</c> values.</summary>
internal enum SeverityLevel
{
    Verbose = 0,
    Information = 1,
    Warning = 2,
    Error = 3,
    Critical = 4,
}
