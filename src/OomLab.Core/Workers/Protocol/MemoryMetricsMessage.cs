namespace OomLab.Workers.Protocol;

/// <summary>
/// A worker's memory as the host read it from outside (for a worker that reports no runtime metrics of its own, such as
/// a user's function app): <c>AppMetrics</c> WorkingSet and PrivateBytes, about once a second. Never on the wire.
/// </summary>
internal sealed record MemoryMetricsMessage(long WorkingSet, long PrivateBytes) : WorkerMessage;
