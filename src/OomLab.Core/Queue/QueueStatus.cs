namespace OomLab.Queue;

/// <summary>Counts per state, receipts and the poison list (oldest first, at most the limit asked for).</summary>
public sealed record QueueStatus(long Queued, long Leased, long Done, long Poison, long Receipts, IReadOnlyList<PoisonedMessage> PoisonList)
{
    public long Total => Queued + Leased + Done + Poison;
}
