namespace OomLab.Workers;

/// <summary>The worker died while the invocation ran (killed over the ceiling, or crashed); the invocation should be retried.</summary>
internal sealed record InvocationWorkerLost(string InvocationId, string WorkerId, WorkerExit Exit, TimeSpan Duration)
    : InvocationOutcome(InvocationId, WorkerId);
