namespace OomLab.Lab;

/// <summary>One window of the seed's runbook timeline, as offsets from T0 on the lab clock.</summary>
/// <param name="Name">As the seed names it: <c>Baseline</c>, <c>Load 1</c>, <c>Load 2</c>, <c>Incident</c>, <c>Recovery</c>.</param>
/// <param name="Start">Offset of the window's start from T0.</param>
/// <param name="End">Offset of the window's end from T0.</param>
internal sealed record LabPhase(string Name, TimeSpan Start, TimeSpan End)
{
    public static LabPhase Baseline { get; } = new("Baseline", TimeSpan.Zero, TimeSpan.FromMinutes(15));

    public static LabPhase Load1 { get; } = new("Load 1", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));

    public static LabPhase Load2 { get; } = new("Load 2", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(45));

    public static LabPhase Incident { get; } = new("Incident", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(55));

    public static LabPhase Recovery { get; } = new("Recovery", TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(70));

    /// <summary>When the seed applies the remediation (02:25): the start of recovery.</summary>
    public static TimeSpan Remediation => Recovery.Start;

    /// <summary>The whole runbook, in order.</summary>
    public static IReadOnlyList<LabPhase> All { get; } = [Baseline, Load1, Load2, Incident, Recovery];

    /// <summary>The phase a lab offset falls in; the last one for offsets past the end.</summary>
    public static LabPhase At(TimeSpan offset) => All.FirstOrDefault(p => offset < p.End) ?? Recovery;
}
