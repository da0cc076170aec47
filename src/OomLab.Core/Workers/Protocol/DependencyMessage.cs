namespace OomLab.Workers.Protocol;

/// <summary>A dependency call made during an invocation: the input blob read, or one the function tracked.</summary>
internal sealed record DependencyMessage(
    string InvocationId, string DependencyType, string Target, string Name, long DurationTicks, bool Success,
    string ResultCode, Dictionary<string, string>? Properties) : WorkerMessage;
