namespace OomLab.Workers;

/// <summary>The function returned; <paramref name="Outputs"/> are relative names under the staging folder, flushed to disk;
/// <paramref name="HttpStatus"/> is the status code an HTTP function answered with, when it said one.</summary>
internal sealed record InvocationSucceeded(string InvocationId, string WorkerId, TimeSpan Duration, IReadOnlyList<string> Outputs, int? HttpStatus = null)
    : InvocationOutcome(InvocationId, WorkerId);
