namespace OomLab.Lab.Scenarios;

/// <summary>One deployment of a scenario: a function with its app settings, over a window of the timeline.</summary>
/// <param name="Package">The artifact's name, for the runbook trace and <c>scenario.json</c>.</param>
/// <param name="Function">The function it runs (<c>requests.name</c>).</param>
/// <param name="AppSettings">App settings, seen by the host (batch, concurrency) and by the function.</param>
/// <param name="Start">When it starts, as an offset from T0.</param>
/// <param name="End">When it stops.</param>
/// <param name="CeilingFactor">Its ceiling as a multiple of the scenario's (2 for a scale-up to the next plan). Default 1.</param>
/// <param name="Trigger">How the function is triggered. Default <see cref="ScenarioTrigger.Blob"/>.</param>
internal sealed record ScenarioDeployment(
    string Package, string Function, IReadOnlyDictionary<string, string> AppSettings, TimeSpan Start, TimeSpan End,
    double CeilingFactor = 1, ScenarioTrigger Trigger = ScenarioTrigger.Blob)
{
    /// <summary>The runbook action that puts this deployment in place after the previous one.</summary>
    public string RunbookAction(Memory.MemoryCeiling ceiling) => CeilingFactor == 1
        ? $"Runbook action: deploy {Package} ({Function}); set {string.Join(", ", AppSettings.Where(s => s.Key != "FUNCTIONS_WORKER_RUNTIME").Select(s => $"{s.Key}={s.Value}"))}; restart"
        : $"Runbook action: scale up to a plan with {CeilingFactor:0.#}x the memory (ceiling {Memory.MemoryText.Format(ceiling.Bytes)}); same package {Package} and settings; restart";
}
