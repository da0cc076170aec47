namespace OomLab.Report;

/// <summary>A phase of the run (Baseline, Load 1, Load 2, Incident, Recovery), as <c>settings.json</c> records it.</summary>
internal sealed record PhaseSpan(string Name, DateTimeOffset Start, DateTimeOffset End);
