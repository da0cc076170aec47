namespace OomLab.Workers;

/// <summary>The function returned; <paramref name="Outputs"/> are relative names under the staging folder, flushed to disk.</summary>
internal sealed record InvocationSucceeded(string InvocationId, string WorkerId, TimeSpan Duration, IReadOnlyList<string> Outputs)
    : InvocationOutcome(InvocationId, WorkerId);
