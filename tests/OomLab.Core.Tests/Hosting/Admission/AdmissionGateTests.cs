using OomLab.Hosting.Admission;

namespace OomLab.Tests.Hosting.Admission;

public sealed class AdmissionGateTests
{
    private const long MiB = 1024 * 1024;

    private static readonly AdmissionOptions Predictive = new(AdmissionMode.Predictive);

    [Fact]
    public void One_invocation_always_runs_even_when_its_prediction_passes_the_high_watermark()
    {
        var gate = new AdmissionGate(Predictive, 100 * MiB);

        // The prior (4 bytes per byte, 50 % margin) predicts 240 MiB for 40 MiB: more than the budget, but nothing is measured yet.
        var first = gate.Decide(40 * MiB);
        var second = gate.Decide(1 * MiB);

        first.Verdict.ShouldBe(AdmissionVerdict.Admitted);
        first.PredictedBytes.ShouldBe(240 * MiB);
        second.Verdict.ShouldBe(AdmissionVerdict.Deferred);
        gate.Deferred.ShouldBe(1);
    }

    [Fact]
    public void After_a_deferral_it_admits_again_only_under_the_low_watermark()
    {
        var gate = new AdmissionGate(new AdmissionOptions(AdmissionMode.Predictive, 0.8, 0.5) { ColdMargin = 0, MinimumBytes = 0, InitialBytesPerInputByte = 1 }, 100 * MiB);
        var a = gate.Decide(30 * MiB).Ticket.ShouldNotBeNull();
        var b = gate.Decide(30 * MiB).Ticket.ShouldNotBeNull();
        gate.Decide(30 * MiB).Verdict.ShouldBe(AdmissionVerdict.Deferred);

        gate.Release(b, completed: false);
        gate.Decide(10 * MiB).Verdict.ShouldBe(AdmissionVerdict.Admitted, "30 MiB running is under the low watermark of 50 MiB");
        gate.Release(a, completed: false);
    }

    [Fact]
    public void A_measured_function_rejects_an_input_whose_typical_peak_alone_passes_the_budget()
    {
        var gate = new AdmissionGate(Predictive, 100 * MiB);
        var ticket = gate.Decide(10 * MiB).Ticket.ShouldNotBeNull();
        gate.Observe(30 * MiB);
        gate.Release(ticket, completed: true);

        var fits = gate.Decide(30 * MiB);
        var tooLarge = gate.Decide(40 * MiB);

        ticket.MeasuredPeakBytes.ShouldBe(30 * MiB);
        fits.Verdict.ShouldBe(AdmissionVerdict.Admitted);
        fits.PredictedBytes.ShouldBe(135 * MiB, "3 bytes per byte measured, 50 % margin while cold");
        tooLarge.Verdict.ShouldBe(AdmissionVerdict.Rejected);
        tooLarge.PredictedBytes.ShouldBe(120 * MiB);
        tooLarge.AllowedBytes.ShouldBe(100 * MiB);
    }

    [Fact]
    public void A_sample_is_shared_among_the_running_invocations_by_input_size()
    {
        var gate = new AdmissionGate(new AdmissionOptions(AdmissionMode.Predictive) { InitialBytesPerInputByte = 0.01 }, 1000 * MiB);
        var small = gate.Decide(10 * MiB).Ticket.ShouldNotBeNull();
        var large = gate.Decide(30 * MiB).Ticket.ShouldNotBeNull();

        gate.Observe(80 * MiB);
        gate.Observe(40 * MiB);

        small.MeasuredPeakBytes.ShouldBe(20 * MiB);
        large.MeasuredPeakBytes.ShouldBe(60 * MiB);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.2, 0.5)]
    [InlineData(0.8, 0.9)]
    public void Watermarks_out_of_range_are_refused(double high, double low) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new AdmissionOptions(AdmissionMode.Predictive, high, low));
}
