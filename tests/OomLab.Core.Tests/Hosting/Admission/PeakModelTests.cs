using OomLab.Hosting.Admission;

namespace OomLab.Tests.Hosting.Admission;

public sealed class PeakModelTests
{
    private const long MB = 1_000_000;

    /// <summary>
    /// Measured in the seed lab at the small preset (224 MiB): the baseline's small blobs cost mostly the invocation's fixed
    /// overhead (4-9 MB whatever their size), load 1 and load 2 about 3 bytes per byte.
    /// </summary>
    private static readonly PeakSample[] SeedLab =
    [
        new(741_019, 4_243_456), new(288_150, 4_988_928), new(1_022_132, 5_091_328), new(412_169, 8_908_800),
        new(7_151_294, 21_057_536), new(6_965_821, 23_592_960), new(7_166_470, 35_532_800), new(5_503_591, 19_611_648),
        new(30_994_907, 85_135_360), new(28_469_838, 85_291_008), new(31_808_298, 71_847_936), new(33_435_080, 90_984_448),
    ];

    [Fact]
    public void Small_inputs_teach_the_overhead_not_the_bytes_per_byte()
    {
        var model = PeakModel.Fit(SeedLab, 0.9).ShouldNotBeNull();

        model.OverheadBytes.ShouldBeInRange(1 * MB, 9 * MB);
        model.TypicalSlope.ShouldBeInRange(2.0, 3.0);
        model.LowerSlope.ShouldBeLessThanOrEqualTo(model.TypicalSlope);
        model.UpperSlope.ShouldBeGreaterThanOrEqualTo(model.TypicalSlope);

        // The largest ratio seen (the baseline's 21.6 bytes per byte) would predict 1.8 GB for an 84 MB incident blob.
        model.Lower(84 * MB).ShouldBeLessThan(231 * MB, "an incident blob fits the small preset alone");
        model.Upper(84 * MB).ShouldBeLessThan(400 * MB);
    }

    [Fact]
    public void Inputs_of_one_size_give_a_line_through_zero()
    {
        var model = PeakModel.Fit([new(32 * MB, 96 * MB), new(33 * MB, 99 * MB), new(34 * MB, 136 * MB)], 1).ShouldNotBeNull();

        model.OverheadBytes.ShouldBe(0);
        model.UpperSlope.ShouldBe(4);
        model.TypicalSlope.ShouldBe(3);
    }

    [Fact]
    public void Unmeasured_invocations_are_ignored() =>
        PeakModel.Fit([new(10 * MB, 0), new(0, 5 * MB)], 0.9).ShouldBeNull();

    [Fact]
    public void An_early_outlier_ages_out_of_the_window()
    {
        var predictor = new PeakPredictor(new AdmissionOptions(AdmissionMode.Predictive) { SampleWindow = 4, MinimumBytes = 0 });
        predictor.Learn(10 * MB, 200 * MB);
        var afterOutlier = predictor.Predict(10 * MB);
        for (var i = 0; i < 4; i++)
        {
            predictor.Learn(10 * MB, 30 * MB);
        }

        afterOutlier.ShouldBe(300 * MB, "20 bytes per byte, 50 % margin at the first measurement");
        predictor.Samples.ShouldBe(4);
        predictor.Margin.ShouldBe(0.3, 1e-9, "10 % + 40 % / sqrt(4)");
        predictor.Predict(10 * MB).ShouldBe(39 * MB);
    }
}
