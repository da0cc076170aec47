namespace OomLab.Report;

/// <summary>A point of a chart series: <paramref name="X"/> in seconds since the Unix epoch, <paramref name="Y"/> in the chart's unit.</summary>
internal readonly record struct ChartPoint(double X, double Y);
