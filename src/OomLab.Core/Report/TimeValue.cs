namespace OomLab.Report;

/// <summary>One reading of a series.</summary>
internal readonly record struct TimeValue(DateTimeOffset Time, double Value);
