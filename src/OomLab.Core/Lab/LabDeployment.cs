namespace OomLab.Lab;

/// <summary>A deployment of the runbook: the package (function) and its app settings.</summary>
/// <param name="Package">The seed's artifact name.</param>
/// <param name="Function">The function it runs.</param>
/// <param name="BatchSize">BLOB_BATCH_SIZE.</param>
/// <param name="MaxConcurrentInvocations">MAX_CONCURRENT_INVOCATIONS.</param>
internal sealed record LabDeployment(string Package, string Function, int BatchSize, int MaxConcurrentInvocations)
{
    /// <summary>The seed's failing deployment (3.2): buffering, batch 32, concurrency 48.</summary>
    public static LabDeployment Buffering { get; } = new("oom-buffering-app.zip", "BlobBufferProcessor", 32, 48);

    /// <summary>The control run's first deployment: streaming with the same settings.</summary>
    public static LabDeployment StreamingUnchanged { get; } = new("oom-streaming-app.zip", "BlobStreamProcessor", 32, 48);

    /// <summary>The seed's remediation (3.6): streaming, batch 8, concurrency 12.</summary>
    public static LabDeployment Remediated { get; } = new("oom-streaming-app.zip", "BlobStreamProcessor", 8, 12);

    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["BLOB_BATCH_SIZE"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAX_CONCURRENT_INVOCATIONS"] = MaxConcurrentInvocations.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
