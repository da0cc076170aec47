using System.Globalization;

namespace OomLab.Capacity;

/// <summary>
/// One concurrency as the Functions host's settings spell it: <c>MAX_CONCURRENT_INVOCATIONS</c>, and for the queue behind
/// the blob trigger a batch of two thirds of it with the rest as <c>newBatchThreshold</c>, so that batch plus threshold
/// never passes the concurrency. Shared by <c>oomlab tune</c> and the playbook's mitigation numbers.
/// </summary>
internal sealed record ConcurrencySettings
{
    /// <param name="concurrency">Invocations at once; at least 1.</param>
    public ConcurrencySettings(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        Concurrency = concurrency;
        BatchSize = Math.Max(1, (int)Math.Ceiling(concurrency * 2 / 3.0));
        NewBatchThreshold = Math.Max(0, concurrency - BatchSize);
    }

    public int Concurrency { get; }

    public int BatchSize { get; }

    public int NewBatchThreshold { get; }

    /// <summary>
    /// The largest concurrency whose invocations of <paramref name="perInvocationBytes"/> each fit in
    /// <paramref name="budgetBytes"/> (the headroom of the ceiling less the idle workers); 0 when not even one fits.
    /// </summary>
    public static int SafeConcurrency(long budgetBytes, long perInvocationBytes) =>
        perInvocationBytes <= 0 ? 0 : (int)Math.Clamp(budgetBytes / perInvocationBytes, 0, 1024);

    /// <summary>The app settings to paste (host.json overrides included).</summary>
    public IReadOnlyDictionary<string, string> AppSettings() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MAX_CONCURRENT_INVOCATIONS"] = Text(Concurrency),
        ["BLOB_BATCH_SIZE"] = Text(BatchSize),
        ["AzureFunctionsJobHost__extensions__queues__batchSize"] = Text(BatchSize),
        ["AzureFunctionsJobHost__extensions__queues__newBatchThreshold"] = Text(NewBatchThreshold),
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "5",
    };

    /// <summary>The host.json to paste.</summary>
    public string HostJson() => $$"""
        {
          "version": "2.0",
          "extensions": {
            "queues": {
              "batchSize": {{BatchSize}},
              "newBatchThreshold": {{NewBatchThreshold}},
              "maxDequeueCount": 5,
              "visibilityTimeout": "00:01:00"
            }
          }
        }
        """;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
