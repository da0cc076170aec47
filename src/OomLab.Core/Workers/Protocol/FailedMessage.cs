namespace OomLab.Workers.Protocol;

/// <summary>The function threw; <paramref name="ExceptionType"/> is the full type name, e.g. <c>System.OutOfMemoryException</c>.</summary>
internal sealed record FailedMessage(
    string InvocationId, string ExceptionType, string Message, string Details, long DurationTicks) : WorkerMessage;
