namespace OomLab.Queue;

/// <summary>What happened to a failed invocation's message.</summary>
public enum FailOutcome
{
    /// <summary>Visible again after the retry delay.</summary>
    Requeued,

    /// <summary>The dequeue count reached the maximum: poisoned with the reason.</summary>
    Poisoned,

    /// <summary>The lease was no longer held; nothing changed.</summary>
    LeaseLost,
}
