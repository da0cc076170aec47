namespace OomLab.Lab.Bundle;

/// <summary>What a finished scenario run counted (from its <see cref="Hosting.RunCounters"/>).</summary>
internal sealed record BundleObserved(long WorkerExits137, long OutOfMemoryExceptions, long Requests, long FailedRequests);
