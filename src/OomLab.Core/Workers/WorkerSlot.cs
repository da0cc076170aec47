namespace OomLab.Workers;

/// <summary>One of the pool's worker positions (<c>worker-1</c>...): the process currently in it and its failure history.</summary>
internal sealed class WorkerSlot(string id, FailureBudget budget)
{
    public string Id { get; } = id;

    public FailureBudget Budget { get; } = budget;

    public volatile WorkerProcess? Current;

    public int ConsecutiveFailures { get; set; }

    /// <summary>Completes with null when the first worker became ready, or with the reason it did not.</summary>
    public TaskCompletionSource<WorkerStartException?> FirstStart { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Supervision { get; set; } = Task.CompletedTask;

    public long IdlePrivateBytes { get; set; }
}
