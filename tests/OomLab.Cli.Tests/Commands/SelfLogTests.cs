using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// The host's reports about its own problems (the self-log) go to standard error with <c>--verbose</c> and to a file with
/// <c>OOMLAB_SELFLOG=file</c>; otherwise nowhere. The provoked problem: a blob whose name discovery refuses.
/// </summary>
public sealed class SelfLogTests
{
    private const string Refused = "selflog: blob discovery: ";

    private static readonly Dictionary<string, string?> NoSelfLogVariable = new() { ["OOMLAB_SELFLOG"] = null };

    [Fact]
    public async Task With_verbose_a_host_problem_is_reported_on_standard_error()
    {
        using var root = RootWithABadName();

        var result = await Host(root, ["--verbose"], NoSelfLogVariable);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain(Refused);
        result.Stderr.ShouldContain("bad\\u0007name.csv\" refused");
        File.Exists(SelfLogFile(root)).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_verbose_the_same_problem_is_not_reported()
    {
        using var root = RootWithABadName();

        var result = await Host(root, [], NoSelfLogVariable);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("selflog:");
        File.Exists(SelfLogFile(root)).ShouldBeFalse();
    }

    [Fact]
    public async Task With_OOMLAB_SELFLOG_file_the_problem_goes_to_the_roots_selflog_file()
    {
        using var root = RootWithABadName();

        var result = await Host(root, [], new Dictionary<string, string?> { ["OOMLAB_SELFLOG"] = "file" });

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldNotContain("selflog:");
        (await File.ReadAllTextAsync(SelfLogFile(root))).ShouldContain(Refused);
    }

    [Fact]
    public async Task With_OOMLAB_SELFLOG_stderr_the_problem_goes_to_standard_error()
    {
        using var root = RootWithABadName();

        var result = await Host(root, [], new Dictionary<string, string?> { ["OOMLAB_SELFLOG"] = "stderr" });

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain(Refused);
    }

    [Fact]
    public async Task A_FIFO_in_the_container_is_skipped_with_a_trace_naming_it_and_the_regular_blob_is_processed()
    {
        using var root = new TempRoot();
        var blob = root.WriteBlob("regular.csv", 4096);
        var fifo = Path.Combine(root.Input, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.ShouldBe(0);
        }

        // Opening the FIFO for reading would block for ever (no writer): the host must not try.
        var result = await OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB", "--until-idle", "2s", "--verbose"],
            timeout: TimeSpan.FromSeconds(60),
            environment: NoSelfLogVariable);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("\"pipe.csv\" refused: not a regular file");
        TempRoot.Sha256(Path.Combine(root.Output, "regular.csv")).ShouldBe(blob);
        File.Exists(Path.Combine(root.Output, "pipe.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_OOMLAB_SELFLOG_is_an_exit_2_error_naming_the_variable()
    {
        var result = await OomLabCli.RunAsync(["status", "--root", "/nonexistent"], environment: new Dictionary<string, string?> { ["OOMLAB_SELFLOG"] = "syslog" });

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("OOMLAB_SELFLOG \"syslog\"");
    }

    [Fact]
    public async Task Every_verb_takes_verbose()
    {
        foreach (var verb in (string[])["lab", "host", "load", "status", "query", "diagnose", "import", "report"])
        {
            var result = await OomLabCli.RunAsync(verb, "--help");

            result.Stdout.ShouldContain("--verbose", customMessage: verb);
        }
    }

    private static TempRoot RootWithABadName()
    {
        var root = new TempRoot();
        File.WriteAllText(Path.Combine(root.Input, "bad\u0007name.csv"), "never touched\n");
        return root;
    }

    private static string SelfLogFile(TempRoot root) => Path.Combine(root.Path, ".oomlab", "selflog.txt");

    private static Task<CliResult> Host(TempRoot root, string[] extra, IReadOnlyDictionary<string, string?> environment) =>
        OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB", "--until-idle", "500ms", .. extra],
            environment: environment);
}
