namespace OomLab.Memory;

/// <summary>One sample of a process's memory.</summary>
/// <param name="PrivateBytes">Anonymous resident memory (<c>RssAnon</c>): what the process itself holds.</param>
/// <param name="WorkingSet">All resident memory (<c>VmRSS</c>), including mapped files.</param>
/// <param name="Timestamp">When it was taken, on the host's clock.</param>
internal readonly record struct MemoryReading(long PrivateBytes, long WorkingSet, DateTimeOffset Timestamp);
