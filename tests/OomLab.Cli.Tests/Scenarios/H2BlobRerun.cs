using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>
/// The h2 scenario's faulty deployment kept to the end (<c>--no-remediation</c>) with the concurrency and batch size
/// that <c>oomlab diagnose</c> recommended for the first run.
/// </summary>
public sealed class H2BlobRerun(string concurrency, string batchSize) : ScenarioRun(
    "h2-blob", "--no-remediation", "--setting", $"MAX_CONCURRENT_INVOCATIONS={concurrency}", "--setting", $"BLOB_BATCH_SIZE={batchSize}"), IDisposable
{
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();
}
