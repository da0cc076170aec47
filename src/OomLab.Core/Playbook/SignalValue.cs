namespace OomLab.Playbook;

/// <summary>A signal's measured value (null when the telemetry has no data for it).</summary>
internal sealed record SignalValue(string Name, string Description, object? Value);
