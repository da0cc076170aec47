using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>A host option out of range is bad input: exit 2 and a message naming the option and the value.</summary>
public sealed class HostOptionErrorsTests
{
    [Theory]
    [InlineData("--until-idle", "1e300s")]
    [InlineData("--until-idle", "99999999999999m")]
    [InlineData("--until-idle", "-1s")]
    [InlineData("--until-idle", "soon")]
    [InlineData("--heap-limit", "5%")]
    [InlineData("--instance", " ")]
    public async Task An_out_of_range_value_is_an_exit_2_error_naming_the_option(string option, string value)
    {
        using var root = new TempRoot();

        string[] stop = option == "--until-idle" ? [] : ["--until-idle", "1s"];

        var result = await OomLabCli.RunAsync(["host", "--root", root.Path, .. stop, option, value]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"{option} \"{value}\"");
        result.Stderr.ShouldNotContain("internal error");
        result.Stderr.ShouldNotContain("   at ");
    }
}
