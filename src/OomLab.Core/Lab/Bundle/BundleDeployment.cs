namespace OomLab.Lab.Bundle;

/// <summary>
/// One deployment of a run. The seed lab writes its window as <c>from</c>/<c>to</c>; a scenario as <c>start</c>/<c>end</c>,
/// with its trigger, ceiling and, once the run has ended, its peak instance Private Bytes.
/// </summary>
internal sealed record BundleDeployment(string? Package, string? Function, IReadOnlyDictionary<string, string>? AppSettings)
{
    public string? Trigger { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public DateTime? Start { get; init; }

    public DateTime? End { get; init; }

    public long? CeilingBytes { get; init; }

    public long? PeakPrivateBytes { get; init; }

    /// <summary>When it started, however the file wrote it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTime? Begins => Start ?? From;
}
