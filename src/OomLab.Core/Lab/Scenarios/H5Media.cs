using OomLab.Memory;
using static OomLab.Lab.Scenarios.ScenarioLoads;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// H5: media rasterisation. Small PDF order documents (a few KiB) are rendered by <c>RenderPdfActivity</c> into
/// full-page bitmaps at 300 dpi (about 32 MiB a page at the tuned ceiling); bursts of concurrent renders exhaust
/// memory, which returns once the burst is over.
/// </summary>
internal static class H5Media
{
    public static LabScenario Create(MemoryCeiling ceiling)
    {
        var size = new ScenarioSizes(ceiling);
        var baseline = Phase("Baseline", 0, 10);
        var incident = Phase("Incident", 10, 40);
        var dpi = (long)Math.Round(300 * Math.Sqrt(size.Factor));
        return new LabScenario(
            "h5-media", "H5", "Small PDFs rasterised into large bitmap buffers, many at once", 150, ceiling,
            [baseline, incident],
            [
                new("document-rendering.zip", "RenderPdfActivity", DeploymentSettings.Of(32, 48, ("RENDER_DPI", dpi)), baseline.Start, incident.End),
            ])
        {
            BlobLoads =
            [
                Trickle(baseline, 0.5, 6, ScenarioSizes.FixedKiB(1, 3.9), 1),
                .. Bursts(incident, 10.5, 3.5, 10, ScenarioSizes.FixedKiB(6, 12), rate: 200),
            ],
        };
    }
}
