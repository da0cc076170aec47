namespace OomLab.Telemetry;

/// <summary>A row of the Log Analytics table <c>FunctionAppLogs</c>.</summary>
internal sealed record FunctionAppLogTelemetry(
    DateTimeOffset Timestamp, string FunctionName, string Level, string Message, string Category,
    string FunctionInvocationId, string ExceptionType = "", string ExceptionMessage = "",
    string ExceptionDetails = "", int ProcessId = 0)
    : TelemetryItem(Timestamp, FunctionInvocationId, FunctionName);
