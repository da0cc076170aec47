using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>What <c>oomlab lab --scenario</c> says to bad input: a clear message, exit 2, nothing started.</summary>
public sealed class ScenarioInputTests
{
    [Theory]
    [InlineData(new[] { "--scenario", "h9-nothing" }, "h9-nothing", "h1-payload, h2-blob, h3-cache, h4-dispose, h5-media, h6-ceiling, control")]
    [InlineData(new[] { "--scenario", "h2-blob", "--variant", "stream" }, "--scenario", "--variant")]
    [InlineData(new[] { "--scenario", "h2-blob", "--scale", "full" }, "--scenario", "small")]
    [InlineData(new[] { "--setting", "MAX_CONCURRENT_INVOCATIONS=2" }, "--setting", "--scenario")]
    [InlineData(new[] { "--scenario", "h2-blob", "--setting", "BLOB_BATCH_SIZE=48" }, "BLOB_BATCH_SIZE", "1 to 32")]
    [InlineData(new[] { "--scenario", "h2-blob", "--setting", "NOEQUALS" }, "--setting", "KEY=VALUE")]
    public async Task Bad_scenario_input_is_a_clear_error(string[] args, string expected1, string expected2)
    {
        using var run = new TempDirectory();

        var result = await OomLabCli.RunAsync(["lab", .. args, "--out", run.Combine("bundle")]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain(expected1);
        result.ErrorText.ShouldContain(expected2);
        result.Stderr.ShouldNotContain("   at ");
        Directory.Exists(run.Combine("bundle", ".oomlab")).ShouldBeFalse("nothing started");
    }
}
