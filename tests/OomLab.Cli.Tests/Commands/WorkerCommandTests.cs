using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>The hidden <c>worker</c> verb, run as the host runs it: the real executable, real pipes.</summary>
public sealed class WorkerCommandTests
{
    [Fact]
    public async Task The_sample_functions_ship_next_to_the_executable_and_are_the_default()
    {
        File.Exists(Path.Combine(OomLabCli.Directory, "functions", "OomLab.Functions.dll")).ShouldBeTrue();

        var (exitCode, stdout, stderr) = await RunAsync("{\"type\":\"shutdown\"}\n", "worker", "--function", "BlobStreamProcessor");

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldStartWith("{\"type\":\"ready\"");
        stdout.ShouldContain("\"function\":\"BlobStreamProcessor\"");
    }

    [Fact]
    public async Task An_unknown_function_is_a_clear_error_without_a_stack_trace()
    {
        var (exitCode, stdout, stderr) = await RunAsync(string.Empty, "worker", "--function", "Nope");

        exitCode.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith("error: function 'Nope' not found in ");
        stderr.ShouldContain("available: BlobBufferProcessor, BlobStreamProcessor");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_functions_assembly_is_a_clear_error()
    {
        var (exitCode, _, stderr) = await RunAsync(string.Empty, "worker", "--functions", "/no/such.dll", "--function", "X");

        exitCode.ShouldBe(2);
        stderr.Trim().ShouldBe("error: functions assembly not found: /no/such.dll (--functions)");
    }

    [Fact]
    public async Task The_worker_verb_is_hidden_from_help()
    {
        var (_, stdout, _) = await RunAsync(string.Empty, "--help");

        stdout.Split('\n').ShouldNotContain(line => line.TrimStart().StartsWith("worker", StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var result = await OomLabCli.RunAsync(args, stdin);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
