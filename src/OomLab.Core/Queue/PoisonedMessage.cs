namespace OomLab.Queue;

/// <summary>A blob the queue gave up on, and why.</summary>
public sealed record PoisonedMessage(long Id, string Name, string Version, long Length, int DequeueCount, string Reason, DateTimeOffset PoisonedAt);
