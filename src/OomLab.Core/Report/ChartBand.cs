namespace OomLab.Report;

/// <summary>A horizontal band of a chart, for example the seed's critical band from 71 % of the ceiling up.</summary>
/// <param name="Kind">CSS class and <c>data-band</c> value: <c>healthy</c>, <c>degraded</c>, <c>critical</c>.</param>
internal sealed record ChartBand(double From, double To, string Kind, string Label);
