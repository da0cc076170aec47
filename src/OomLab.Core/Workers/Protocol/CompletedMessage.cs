namespace OomLab.Workers.Protocol;

/// <summary>The invocation succeeded; every output (relative name) is flushed to disk.</summary>
internal sealed record CompletedMessage(string InvocationId, long DurationTicks, IReadOnlyList<string> Outputs) : WorkerMessage;
