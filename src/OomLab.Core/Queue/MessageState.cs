namespace OomLab.Queue;

/// <summary>Where a queued blob is; stored as an integer, so the values never change.</summary>
public enum MessageState
{
    /// <summary>Waiting to be leased (possibly delayed for a retry).</summary>
    Queued = 0,

    /// <summary>Leased to an invocation until its lease expires.</summary>
    Leased = 1,

    /// <summary>Processed: the function succeeded, its output is durable and a receipt exists.</summary>
    Done = 2,

    /// <summary>Given up, with a reason.</summary>
    Poison = 3,
}
