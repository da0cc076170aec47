using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>What <c>oomlab lab</c> says to bad input: a clear message, exit 2, no stack trace, nothing started.</summary>
public sealed class LabInputTests
{
    [Theory]
    [InlineData("--scale", "huge", "huge")]
    [InlineData("--t0", "yesterday-ish", "--t0")]
    [InlineData("--plan", "EP9", "EP9")]
    [InlineData("--ceiling", "lots", "--ceiling")]
    public async Task A_bad_flag_is_a_clear_error(string option, string value, string expected)
    {
        using var run = new TempDirectory();

        var result = await OomLabCli.RunAsync("lab", option, value, "--out", run.Combine("bundle"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(expected);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_impossible_ceiling_smaller_than_an_idle_worker_is_refused()
    {
        using var run = new TempDirectory();

        var result = await OomLabCli.RunAsync("lab", "--ceiling", "1MiB", "--out", run.Combine("bundle"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("ceiling");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unwritable_out_folder_is_refused()
    {
        var result = await OomLabCli.RunAsync("lab", "--out", "/proc/oomlab-cannot-write-here");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("--out");
        result.ErrorText.ShouldContain("cannot write");
    }
}
