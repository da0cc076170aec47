using System.Text.RegularExpressions;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab tune</c> end to end: it runs the seed's buffering function on sample inputs under a real ceiling; its
/// recommendation, pasted into <c>oomlab host</c>, runs the same load with no kill, and one step above it does not.
/// </summary>
public sealed partial class TuneCommandTests
{
    private const long MiB = 1024 * 1024;
    private const string Ceiling = "384MiB";

    private static readonly Dictionary<string, string?> ConserveMemory = new(StringComparer.Ordinal) { ["DOTNET_GCConserveMemory"] = "9" };

    [Fact]
    public async Task The_recommendation_applied_runs_the_sample_without_a_kill_and_one_step_above_it_crashes()
    {
        // Each 65 MiB blob read whole holds about 193 MiB at its peak (a 128 MiB MemoryStream buffer and the copy): one
        // fits under 95 % of 384 MiB with room to spare, two cannot. The workers conserve memory (GCConserveMemory, as in a
        // memory-constrained container): without it the large object heap's fragmentation makes even one a matter of chance.
        using var sample = new TempRoot();
        for (var i = 0; i < 6; i++)
        {
            sample.WriteBlob($"sample-{i}.csv", 65 * MiB, seed: i);
        }

        var tune = await OomLabCli.RunAsync(
            ["tune", "--function", "BlobBufferProcessor", "--sample", sample.Input, "--ceiling", Ceiling, "--headroom", "95%"],
            timeout: TimeSpan.FromMinutes(3), environment: ConserveMemory);

        tune.ExitCode.ShouldBe(0, tune.ToString());
        var pasted = Settings(tune.Stdout);
        var recommended = int.Parse(pasted["MAX_CONCURRENT_INVOCATIONS"], System.Globalization.CultureInfo.InvariantCulture);
        recommended.ShouldBeGreaterThanOrEqualTo(1, tune.ToString());
        tune.Stdout.ShouldContain("measured peak per invocation: ");
        tune.Stdout.ShouldContain($"one step above ({recommended + 1}): ");
        tune.Stdout.ShouldContain("\"batchSize\": ");

        var applied = await Host(sample, [.. pasted.SelectMany(p => new[] { "--setting", $"{p.Key}={p.Value}" })]);
        var above = await Host(sample, ["--setting", $"MAX_CONCURRENT_INVOCATIONS={recommended + 1}", "--setting", $"BLOB_BATCH_SIZE={recommended + 1}"]);

        applied.Exits.ShouldBe(0, tune.Stdout);
        applied.OutOfMemory.ShouldBe(0, tune.Stdout);
        applied.Succeeded.ShouldBe(6);
        (above.Exits + above.OutOfMemory).ShouldBeGreaterThan(0, tune.Stdout);
    }

    [Fact]
    public async Task A_missing_sample_folder_or_a_bad_headroom_is_an_error_naming_it()
    {
        using var sample = new TempRoot();
        var missing = await OomLabCli.RunAsync("tune", "--sample", Path.Combine(sample.Path, "nope"), "--ceiling", Ceiling);
        var headroom = await OomLabCli.RunAsync("tune", "--sample", sample.Path, "--ceiling", Ceiling, "--headroom", "150%");

        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.ErrorText.ShouldContain("--sample \"");
        missing.ErrorText.ShouldContain("no such folder");
        headroom.ExitCode.ShouldBe(2, headroom.ToString());
        headroom.ErrorText.ShouldContain("--headroom \"150%\": expected a share of the ceiling above 0 and at most 100%");
        headroom.Stderr.ShouldNotContain("   at ");
    }

    private static Dictionary<string, string> Settings(string stdout)
    {
        var block = stdout[(stdout.IndexOf("app settings:", StringComparison.Ordinal) + "app settings:".Length)..];
        return SettingLine().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
    }

    private static async Task<(long Exits, long OutOfMemory, long Succeeded)> Host(TempRoot sample, string[] settings)
    {
        using var root = new TempRoot();
        foreach (var file in Directory.EnumerateFiles(sample.Input))
        {
            Directory.CreateDirectory(root.Input);
            File.Copy(file, Path.Combine(root.Input, Path.GetFileName(file)));
        }

        // The heap limit tune ran under: its default, the headroom.
        var result = await OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--function", "BlobBufferProcessor", "--ceiling", Ceiling, "--heap-limit", "95%", "--until-idle", "2s", .. settings],
            timeout: TimeSpan.FromMinutes(3), environment: ConserveMemory);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        return (
            telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%'"),
            telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException'"),
            telemetry.Count("SELECT count(*) FROM requests WHERE success = 1"));
    }

    [GeneratedRegex(@"^\s+([A-Za-z_]+)=(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SettingLine();
}
