namespace OomLab.Workers;

/// <summary>Counts a slot's unexpected exits in a sliding window; exhausted at <c>maxFailures</c> within <c>window</c>.</summary>
internal sealed class FailureBudget(int maxFailures, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> failures = new();

    public int Count => failures.Count;

    /// <summary>Records a failure at <paramref name="now"/>; true when the budget is now exhausted.</summary>
    public bool RecordAndCheck(DateTimeOffset now)
    {
        failures.Enqueue(now);
        while (failures.Count > 0 && now - failures.Peek() > window)
        {
            failures.Dequeue();
        }

        return failures.Count >= maxFailures;
    }

    public void Reset() => failures.Clear();
}
