using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>
/// The h2 scenario's faulty deployment kept to the end (<c>--no-remediation</c>) with the recommended concurrency:
/// batch 2 and at most 2 invocations at once.
/// </summary>
public sealed class H2BlobNoKillRun() : ScenarioRun(
    "h2-blob", "--no-remediation", "--setting", "MAX_CONCURRENT_INVOCATIONS=2", "--setting", "BLOB_BATCH_SIZE=2");
