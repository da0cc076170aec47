namespace OomLab.Workers;

/// <summary>The function threw inside a worker that lives on; <paramref name="ExceptionType"/> is e.g. <c>System.OutOfMemoryException</c>.</summary>
internal sealed record InvocationFailed(
    string InvocationId, string WorkerId, string ExceptionType, string Message, string Details, TimeSpan Duration)
    : InvocationOutcome(InvocationId, WorkerId)
{
    /// <summary>True when the function ran out of memory in-process: .NET's OutOfMemoryException (the GC heap hard limit), or
    /// Python's MemoryError (its worker's memory limit). The Functions host reports a Python exception as an <c>RpcException</c>
    /// whose message starts with the Python type (<c>MemoryError: ...</c>), so that is where the type is read, as production shows it.</summary>
    public bool IsOutOfMemory => ExceptionType == typeof(OutOfMemoryException).FullName || Message.StartsWith("MemoryError", StringComparison.Ordinal);
}
