namespace OomLab.Workers;

/// <summary>The function threw inside a worker that lives on; <paramref name="ExceptionType"/> is e.g. <c>System.OutOfMemoryException</c>.</summary>
internal sealed record InvocationFailed(
    string InvocationId, string WorkerId, string ExceptionType, string Message, string Details, TimeSpan Duration)
    : InvocationOutcome(InvocationId, WorkerId)
{
    /// <summary>True when the function ran out of memory in-process (hit the GC heap hard limit).</summary>
    public bool IsOutOfMemory => ExceptionType == typeof(OutOfMemoryException).FullName;
}
