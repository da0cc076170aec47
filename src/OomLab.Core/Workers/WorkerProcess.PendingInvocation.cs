namespace OomLab.Workers;

internal sealed partial class WorkerProcess
{
    private sealed class PendingInvocation(string invocationId, long startedAt)
    {
        public string InvocationId { get; } = invocationId;

        public long StartedAt { get; } = startedAt;

        public TaskCompletionSource<InvocationOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
