using OomLab.Blobs;
using OomLab.Cli.Commands;
using OomLab.Cli.Tests.Support;
using OomLab.Configuration;

namespace OomLab.Cli.Tests.Commands;

public sealed class LoadCommandTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Writes_the_blobs_complete_with_text_lines_and_says_what_it_wrote()
    {
        var result = await OomLabCli.RunAsync("load", "--root", root.Path, "--count", "50", "--size", "4KiB");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("wrote 50 blobs, 200.0 KiB (4KiB)");
        var files = Directory.GetFiles(root.Combine("input"), "*", SearchOption.AllDirectories);
        files.Length.ShouldBe(50);
        files.ShouldAllBe(f => new FileInfo(f).Length == 4096 && !Path.GetFileName(f).StartsWith('.'));
        var lines = File.ReadAllLines(root.Combine("input", "blob-000001.txt"));
        lines.Length.ShouldBe(4096 / LoadGenerator.BytesPerLine);
        lines.ShouldAllBe(line => line.Length == LoadGenerator.BytesPerLine - 1);
    }

    [Fact]
    public async Task A_size_range_is_respected_and_the_seed_makes_runs_identical()
    {
        var other = root.Combine("other");
        foreach (var target in new[] { root.Path, other })
        {
            var result = await OomLabCli.RunAsync(
                "load", "--root", target, "--container", "blobs-in", "--count", "30", "--size", "10KB..20KiB", "--seed", "9", "--prefix", "phase-1/", "--rate", "1000/s");
            result.ExitCode.ShouldBe(0, result.Stderr);
        }

        var files = Directory.GetFiles(root.Combine("blobs-in", "phase-1")).Order().ToArray();
        files.Length.ShouldBe(30);
        files.Select(f => new FileInfo(f).Length).ShouldAllBe(length => length >= 10_000 && length <= 20 * 1024);
        files.Select(f => new FileInfo(f).Length).Distinct().Count().ShouldBeGreaterThan(1);
        foreach (var file in files)
        {
            File.ReadAllBytes(file).ShouldBe(File.ReadAllBytes(Path.Combine(other, "blobs-in", "phase-1", Path.GetFileName(file))));
        }
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["--count", "5", "--size", "4QB"], LoadMessages.Size(ByteSizeMessages.NotASize("4QB")) },
        { ["--count", "5", "--size", "12MiB..6MiB"], LoadMessages.Size(ByteSizeMessages.RangeReversed("12MiB..6MiB")) },
        { ["--count", "0", "--size", "4KiB"], LoadMessages.Count(0) },
        { ["--count", "5", "--size", "4KiB", "--rate", "fast"], LoadMessages.Rate("fast") },
        { ["--count", "5", "--size", "4KiB", "--rate", "0/s"], LoadMessages.Rate("0/s") },
        { ["--count", "5", "--size", "4KiB", "--prefix", "../escape/"], LoadMessages.Prefix("../escape/", BlobMessages.DotSegment("..")) },
        { ["--count", "5", "--size", "4KiB", "--prefix", "/abs/"], LoadMessages.Prefix("/abs/", BlobMessages.Absolute) },
        { ["--count", "5", "--size", "4KiB", "--prefix", ".hidden/"], LoadMessages.Prefix(".hidden/", LoadMessages.HiddenPrefix) },
        { ["--count", "5", "--size", "4KiB", "--container", "Bad_Name"], "--container: " + BlobMessages.InvalidContainer("Bad_Name") },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_clear_error_with_exit_code_2_and_writes_nothing(string[] arguments, string message)
    {
        var result = await OomLabCli.RunAsync(["load", "--root", root.Path, .. arguments]);

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain(message);
        result.Stderr.ShouldNotContain("   at ");
        Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_root_that_is_a_file_is_a_clear_error()
    {
        var file = root.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var result = await OomLabCli.RunAsync("load", "--root", file, "--count", "1", "--size", "1KiB");

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain($"--root: cannot write blobs under {file}");
    }

    [Fact]
    public async Task Help_describes_every_option()
    {
        var result = await OomLabCli.RunAsync("load", "--help");

        result.ExitCode.ShouldBe(0);
        foreach (var option in new[] { "--root", "--container", "--count", "--size", "--rate", "--seed", "--prefix" })
        {
            result.Stdout.ShouldContain(option);
        }
    }

    [Fact]
    public async Task A_missing_required_option_is_an_error()
    {
        var result = await OomLabCli.RunAsync("load", "--root", root.Path, "--size", "4KiB");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("--count");
    }
}
