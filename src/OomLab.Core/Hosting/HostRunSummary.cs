namespace OomLab.Hosting;

/// <summary>What one host run did, counted as it happened.</summary>
/// <param name="Enqueued">New blob versions queued by discovery.</param>
/// <param name="Succeeded">Invocations whose outputs and receipt are durable.</param>
/// <param name="Failed">Invocations that failed in the function (an exception, OutOfMemoryException included).</param>
/// <param name="OutOfMemory">Of <paramref name="Failed"/>, those that ran out of memory in-process.</param>
/// <param name="WorkerLost">Invocations whose worker died under them (killed over the ceiling or crashed).</param>
/// <param name="Poisoned">Blobs moved to the poison list (retries used up, or the payload guard).</param>
/// <param name="HostStartup">How long the host took from start to "Host started" (real time).</param>
internal sealed record HostRunSummary(
    long Enqueued, long Succeeded, long Failed, long OutOfMemory, long WorkerLost, long Poisoned, TimeSpan HostStartup);
