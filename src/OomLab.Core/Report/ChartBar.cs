namespace OomLab.Report;

/// <summary>One bin of a bar chart; <paramref name="Label"/> is its tooltip.</summary>
internal sealed record ChartBar(DateTimeOffset Start, double Value, string Label);
