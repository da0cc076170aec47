namespace OomLab.Report;

/// <summary>A horizontal line across a chart, for example the plan's ceiling.</summary>
/// <param name="Kind">CSS class and <c>data-line</c> value, for example <c>ceiling</c>.</param>
internal sealed record ChartRule(double Value, string Kind, string Label);
