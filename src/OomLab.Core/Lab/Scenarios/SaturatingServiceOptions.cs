namespace OomLab.Lab.Scenarios;

/// <summary>
/// A downstream service with limited capacity: <see cref="Concurrency"/> requests served at a time, each taking
/// <see cref="ServiceTime"/>; up to <see cref="QueueLimit"/> more wait their turn, at most <see cref="QueueTimeout"/>;
/// beyond that, or after waiting that long, it answers 503. Validated on construction.
/// </summary>
internal sealed record SaturatingServiceOptions
{
    public SaturatingServiceOptions(int concurrency, TimeSpan serviceTime, int queueLimit, TimeSpan queueTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueTimeout, TimeSpan.Zero);
        Concurrency = concurrency;
        ServiceTime = serviceTime;
        QueueLimit = queueLimit;
        QueueTimeout = queueTimeout;
    }

    public int Concurrency { get; }

    public TimeSpan ServiceTime { get; }

    public int QueueLimit { get; }

    public TimeSpan QueueTimeout { get; }

    /// <summary>The path it serves, e.g. <c>/fulfillment/orders</c>.</summary>
    public string Path { get; init; } = "/fulfillment/orders";
}
