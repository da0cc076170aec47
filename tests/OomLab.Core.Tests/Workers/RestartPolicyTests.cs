using OomLab.Workers;

namespace OomLab.Tests.Workers;

public sealed class RestartPolicyTests
{
    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 500)]
    [InlineData(3, 1000)]
    [InlineData(6, 8000)]
    [InlineData(7, 10000)]
    [InlineData(100, 10000)]
    public void Backoff_doubles_from_250_ms_up_to_10_s(int failures, int expectedMs)
    {
        RestartBackoff.Delay(failures, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10))
            .ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void The_failure_budget_is_exhausted_by_max_failures_within_the_window_only()
    {
        var budget = new FailureBudget(3, TimeSpan.FromMinutes(2));
        var t0 = new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

        budget.RecordAndCheck(t0).ShouldBeFalse();
        budget.RecordAndCheck(t0.AddMinutes(1)).ShouldBeFalse();
        budget.RecordAndCheck(t0.AddMinutes(2.5)).ShouldBeFalse(); // the first one fell out of the window
        budget.RecordAndCheck(t0.AddMinutes(2.9)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("out.csv", true)]
    [InlineData("nested/out.csv", true)]
    [InlineData("a..b", true)]
    [InlineData("../escape", false)]
    [InlineData("nested/../../escape", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("a//b", false)]
    [InlineData("./a", false)]
    [InlineData("a\\b", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("", false)]
    public void Output_names_cannot_escape_the_output_folder(string name, bool valid)
    {
        OutputName.IsValid(name).ShouldBe(valid);
    }
}
