namespace OomLab.Workers;

/// <summary>A worker could not start: it exited before it was ready (a bad functions assembly, an unknown function, a runtime failure).</summary>
public sealed class WorkerStartException : OomLabException
{
    internal WorkerStartException(string message, string workerId, int exitCode)
        : base(message)
    {
        WorkerId = workerId;
        WorkerExitCode = exitCode;
    }

    /// <summary>The slot, e.g. <c>worker-1</c>.</summary>
    public string WorkerId { get; }

    /// <summary>The worker's exit code.</summary>
    public int WorkerExitCode { get; }
}
