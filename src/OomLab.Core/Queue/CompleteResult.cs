namespace OomLab.Queue;

/// <summary>What <see cref="BlobQueue.Complete"/> recorded.</summary>
/// <param name="Completed">Messages now done, each with a receipt.</param>
/// <param name="LostLeases">Completions refused because their lease had expired or been taken over.</param>
public sealed record CompleteResult(int Completed, IReadOnlyList<LeasedMessage> LostLeases);
