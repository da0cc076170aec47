namespace OomLab.Report;

/// <summary>A line of a chart, broken where readings are more than <paramref name="MaxGapSeconds"/> apart.</summary>
/// <param name="Color">Index of the palette colour (CSS class <c>c0</c>..<c>c7</c>); ignored when <paramref name="Emphasis"/>.</param>
/// <param name="Emphasis">Drawn thicker in the text colour: the instance total.</param>
internal sealed record ChartLine(string Name, int Color, IReadOnlyList<ChartPoint> Points, bool Emphasis, double MaxGapSeconds);
