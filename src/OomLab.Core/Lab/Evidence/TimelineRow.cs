namespace OomLab.Lab.Evidence;

/// <summary>A row of the condensed incident timeline, with the seed's columns.</summary>
internal sealed record TimelineRow(DateTimeOffset Time, string Phase, string Signal, string Observation, string Interpretation);
