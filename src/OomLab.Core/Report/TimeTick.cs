namespace OomLab.Report;

/// <summary>A labelled tick of the time axis.</summary>
internal readonly record struct TimeTick(DateTimeOffset Time, string Label);
