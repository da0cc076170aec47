namespace OomLab.Report;

/// <summary>
/// The geometry every chart and the phase strip share (SVG units; the page scales them together), so that
/// one time reads at the same x everywhere.
/// </summary>
internal static class ChartLayout
{
    public const double Width = 960;

    public const double Left = 76;

    public const double Right = 20;

    public const double PlotWidth = Width - Left - Right;

    /// <summary>Pixel columns the downsampler keeps points for: one per SVG unit of the plot.</summary>
    public const int Columns = (int)PlotWidth;

    public static TimeAxis Axis(DateTimeOffset start, DateTimeOffset end) => new(start, end, Left, PlotWidth);
}
