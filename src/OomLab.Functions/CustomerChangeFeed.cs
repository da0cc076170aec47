namespace OomLab.Functions;

/// <summary>A process-wide feed that open data contexts listen to, so that they can refresh rows other invocations change.</summary>
internal static class CustomerChangeFeed
{
    private static readonly Lock Gate = new();
    private static readonly List<CustomerDbContext> Listeners = [];

    /// <summary>Contexts currently listening (alive).</summary>
    public static int Count
    {
        get
        {
            lock (Gate)
            {
                return Listeners.Count;
            }
        }
    }

    /// <summary>Rows tracked by all listening contexts.</summary>
    public static long TrackedRows
    {
        get
        {
            lock (Gate)
            {
                return Listeners.Sum(l => (long)l.TrackedCount);
            }
        }
    }

    public static void Subscribe(CustomerDbContext context)
    {
        lock (Gate)
        {
            Listeners.Add(context);
        }
    }

    public static void Unsubscribe(CustomerDbContext context)
    {
        lock (Gate)
        {
            Listeners.Remove(context);
        }
    }
}
