namespace OomLab.Workers;

/// <summary>How an invocation ended: <see cref="InvocationSucceeded"/>, <see cref="InvocationFailed"/> or <see cref="InvocationWorkerLost"/>.</summary>
/// <param name="InvocationId">The invocation.</param>
/// <param name="WorkerId">The worker it ran on, e.g. <c>worker-1</c>.</param>
internal abstract record InvocationOutcome(string InvocationId, string WorkerId);
