using OomLab.Hosting;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// What a scenario's summary and <c>scenario.json</c> report, read from the run's <see cref="RunCounters"/>: worker
/// exits with code 137, <see cref="OutOfMemoryException"/>s, requests, and the instance's peak Private Bytes per
/// deployment.
/// </summary>
internal sealed class ScenarioTally(RunCounters counters)
{
    public long Exits137 => counters.Exits137;

    public long OutOfMemoryExceptions => counters.OutOfMemory;

    public long Requests => counters.Requests;

    public long FailedRequests => counters.FailedRequests;

    /// <summary>The peak instance Private Bytes seen while each deployment ran.</summary>
    public IReadOnlyList<long> Peaks => counters.Peaks;
}
