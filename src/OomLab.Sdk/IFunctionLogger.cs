namespace OomLab.Sdk;

/// <summary>Writes to the invocation's log; messages land in <c>FunctionAppLogs</c> and <c>traces</c>.</summary>
public interface IFunctionLogger
{
    /// <summary>Logs a message at the given level.</summary>
    void Log(LogLevel level, string message);
}
