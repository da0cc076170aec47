namespace OomLab.Queue;

/// <summary>The result of <see cref="BlobQueue.Fail"/>.</summary>
/// <param name="VisibleAt">When a requeued message can be leased again; null otherwise.</param>
public readonly record struct FailResult(FailOutcome Outcome, int DequeueCount, DateTimeOffset? VisibleAt);
