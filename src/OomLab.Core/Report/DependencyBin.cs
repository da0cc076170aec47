namespace OomLab.Report;

/// <summary>Dependency calls in one bin.</summary>
internal sealed record DependencyBin(DateTimeOffset Start, long Total, long Failures);
