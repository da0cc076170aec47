namespace OomLab.Lab.Bundle;

/// <summary>One phase of the run's timeline, in UTC on the lab clock.</summary>
internal sealed record BundlePhase(string? Name, DateTime? Start, DateTime? End);
