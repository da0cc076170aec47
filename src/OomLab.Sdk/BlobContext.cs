namespace OomLab.Sdk;

/// <summary>What a function sees of one invocation: the input blob, the output container, a logger and the app settings.</summary>
public abstract class BlobContext
{
    /// <summary>The input blob's name inside its container; may contain <c>/</c>.</summary>
    public abstract string BlobName { get; }

    /// <summary>The input blob's length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>The invocation id, also <c>operation_Id</c> in telemetry.</summary>
    public abstract string InvocationId { get; }

    /// <summary>Logs to <c>FunctionAppLogs</c> and <c>traces</c> with this invocation's ids.</summary>
    public abstract IFunctionLogger Logger { get; }

    /// <summary>Opens the input blob for reading. Each read is recorded as an <c>Azure blob</c> dependency.</summary>
    public abstract Stream OpenRead();

    /// <summary>
    /// Creates (or replaces) an output blob named <paramref name="name"/> in the output container.
    /// It becomes visible and durable only after the invocation succeeds.
    /// </summary>
    public abstract Stream CreateOutput(string name);

    /// <summary>Reads an app setting (environment variable) as the function app sees it; null when unset.</summary>
    public abstract string? GetSetting(string name);

    /// <summary>Records a call to a downstream dependency (a database, an HTTP service) in <c>dependencies</c>.</summary>
    public abstract void TrackDependency(DependencyCall call);
}
