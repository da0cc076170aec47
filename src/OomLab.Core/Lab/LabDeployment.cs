using OomLab.Memory;

namespace OomLab.Lab;

/// <summary>
/// One deployment of a run, in the seed lab or a scenario: a function with its app settings, under a ceiling, over a
/// window of the timeline.
/// </summary>
/// <param name="Package">The artifact's name, for the runbook trace and the bundle.</param>
/// <param name="Function">The function it runs (<c>requests.name</c>).</param>
/// <param name="AppSettings">App settings, seen by the host (batch, concurrency) and by the function.</param>
/// <param name="Start">When it starts, as an offset from T0.</param>
/// <param name="End">When it stops.</param>
/// <param name="CeilingFactor">Its ceiling as a multiple of the run's (2 for a scale-up to the next plan). Default 1.</param>
/// <param name="Trigger">How the function is triggered. Default <see cref="DeploymentTrigger.Blob"/>.</param>
internal sealed record LabDeployment(
    string Package, string Function, IReadOnlyDictionary<string, string> AppSettings, TimeSpan Start, TimeSpan End,
    double CeilingFactor = 1, DeploymentTrigger Trigger = DeploymentTrigger.Blob)
{
    /// <summary>The seed's failing deployment (3.2): buffering, batch 32, concurrency 48, until the remediation.</summary>
    public static LabDeployment Buffering { get; } =
        new("oom-buffering-app.zip", "BlobBufferProcessor", DeploymentSettings.Of(32, 48), TimeSpan.Zero, LabPhase.Remediation);

    /// <summary>The control run's first deployment: streaming with the same settings, until the remediation.</summary>
    public static LabDeployment StreamingUnchanged { get; } =
        new("oom-streaming-app.zip", "BlobStreamProcessor", DeploymentSettings.Of(32, 48), TimeSpan.Zero, LabPhase.Remediation);

    /// <summary>The seed's remediation (3.6): streaming, batch 8, concurrency 12, from 02:25 to the end of recovery.</summary>
    public static LabDeployment Remediated { get; } =
        new("oom-streaming-app.zip", "BlobStreamProcessor", DeploymentSettings.Of(8, 12), LabPhase.Remediation, LabPhase.Recovery.End);

    /// <summary>The ceiling this deployment runs under, given the run's.</summary>
    public MemoryCeiling CeilingUnder(MemoryCeiling ceiling)
    {
        if (CeilingFactor == 1)
        {
            return ceiling;
        }

        var bytes = checked((long)(ceiling.Bytes * CeilingFactor));
        return new MemoryCeiling(bytes, ceiling.Source, $"{CeilingFactor:0.#} x {ceiling.Description} ({MemoryText.Format(bytes)})");
    }

    /// <summary>The runbook action that puts this deployment in place after the previous one.</summary>
    public string RunbookAction(MemoryCeiling ceiling) => CeilingFactor == 1
        ? $"Runbook action: deploy {Package} ({Function}); set {string.Join(", ", AppSettings.Where(s => s.Key != "FUNCTIONS_WORKER_RUNTIME").Select(s => $"{s.Key}={s.Value}"))}; restart"
        : $"Runbook action: scale up to a plan with {CeilingFactor:0.#}x the memory (ceiling {MemoryText.Format(ceiling.Bytes)}); same package {Package} and settings; restart";
}
