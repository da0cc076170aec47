using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host --admission predictive</c> end to end: the seed's buffering function at the seed's settings (32 / 48)
/// under a real ceiling, real workers and real kills; telemetry read back from the store. (The same load without
/// admission at the small preset's ceiling is the crash loop of <see cref="HostCommandTests"/>.)
/// </summary>
public sealed class AdmissionHostTests
{
    private const long MiB = 1024 * 1024;
    private const string Ceiling = "384MiB";

    /// <summary>The small preset's ceiling, EP1 / 16.</summary>
    private const string SmallPresetCeiling = "224MiB";

    /// <summary>
    /// The workers conserve memory (as in a memory-constrained container): at 224 MiB a 64 MiB blob alone leaves the worker
    /// 190 MiB, and the garbage of the one before must not count against the next (admission decides how many run, not
    /// what the worker keeps).
    /// </summary>
    private static readonly Dictionary<string, string?> ConserveMemory = new(StringComparer.Ordinal) { ["DOTNET_GCConserveMemory"] = "9" };

    private static readonly string[] SeedSettings =
        ["--setting", "BLOB_BATCH_SIZE=32", "--setting", "MAX_CONCURRENT_INVOCATIONS=48", "--heap-limit", "200%"];

    [Fact]
    public async Task Without_admission_the_buffering_function_is_killed_over_the_ceiling()
    {
        using var root = new TempRoot();
        HostCommandTests.WriteLargeBlobs(root);

        var result = await Host(root, []);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM customMetrics WHERE name LIKE 'oomlab.admission.%'").ShouldBe(0);
    }

    [Fact]
    public async Task Predictive_admission_at_the_small_preset_finishes_the_load_without_a_kill_and_poisons_an_input_too_large_alone()
    {
        using var root = new TempRoot();

        // Small blobs first, as the lab's baseline: their peak is mostly the invocation's fixed overhead, which must not
        // make the large ones look too large (the largest ratio seen did: 5-21 bytes per byte).
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            blobs[$"a/small-{i}.csv"] = root.WriteBlob($"a/small-{i}.csv", (256 + (i * 256)) * 1024, seed: 50 + i);
        }

        foreach (var (name, sha) in HostCommandTests.WriteLargeBlobs(root))
        {
            blobs[name] = sha;
        }

        // Named to be leased last: by then the function is measured, and 192 MiB of input at its measured ratio of memory
        // per input byte passes the whole ceiling.
        root.WriteBlob("zz/too-large.csv", 192 * MiB, seed: 99);

        var result = await Host(root, ["--admission", "predictive"], SmallPresetCeiling, ConserveMemory);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%'").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException'").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBe(blobs.Count);
        HostCommandTests.AssertEveryBlobDone(root, blobs);

        telemetry.Count("SELECT CAST(sum(value) AS INTEGER) FROM customMetrics WHERE name = 'oomlab.admission.admitted'").ShouldBe(blobs.Count);
        telemetry.Count("SELECT count(*) FROM customMetrics WHERE name = 'oomlab.admission.deferred'").ShouldBeGreaterThan(0);
        var measured = telemetry.Count("SELECT count(*) FROM customMetrics WHERE name = 'oomlab.admission.measuredPeakBytes' AND value > 0");
        measured.ShouldBeGreaterThanOrEqualTo(10, "every large blob runs longer than a sample period; a small one may not");
        telemetry.Count("SELECT count(*) FROM customMetrics WHERE name = 'oomlab.admission.measuredPeakBytes' AND CAST(json_extract(customDimensions, '$.PredictedPeakBytes') AS INTEGER) > 0").ShouldBe(blobs.Count);
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Admission deferred blob%'").ShouldBeGreaterThan(0);

        // The report draws each measured invocation's prediction against its peak.
        var html = System.IO.Path.Combine(root.Path, "report.html");
        var report = await OomLabCli.RunAsync("report", root.TelemetryDb, "--out", html);
        report.ExitCode.ShouldBe(0, report.ToString());
        var page = await File.ReadAllTextAsync(html);
        page.ShouldContain("Admission: predicted against measured peak per invocation");
        page.ShouldContain($"{measured} measured invocations; predicted / measured median ");

        using var queue = new TelemetryDb(root.QueueDb);
        var reason = queue.Strings("SELECT reason FROM messages WHERE state = 3 AND blob_name = 'zz/too-large.csv'").ShouldHaveSingleItem();
        reason.ShouldStartWith("Blob 'zz/too-large.csv' rejected by admission before buffering: its predicted peak of ");
        reason.ShouldContain($"({192 * MiB} bytes of input) exceeds the ");
        reason.ShouldEndWith(" bytes allowed for invocations under the ceiling");
        File.Exists(Path.Combine(root.Output, "zz/too-large.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_admission_mode_or_watermark_is_an_error_naming_where_it_came_from()
    {
        using var root = new TempRoot();

        var mode = await OomLabCli.RunAsync("host", "--root", root.Path, "--admission", "bogus", "--until-idle", "1s");
        await File.WriteAllTextAsync(System.IO.Path.Combine(root.Path, "host.json"), """{"version": "2.0", "oomlab": {"admission": {"mode": "predictive", "highWatermark": 1.5}}}""");
        var watermark = await OomLabCli.RunAsync("host", "--root", root.Path, "--until-idle", "1s");

        mode.ExitCode.ShouldBe(2, mode.ToString());
        mode.ErrorText.ShouldContain("--admission: 'bogus' is not an admission mode; use off or predictive");
        watermark.ExitCode.ShouldBe(2, watermark.ToString());
        watermark.ErrorText.ShouldContain("host.json oomlab:admission:highWatermark: 1.5 is out of range; above 0, at most 1");
        watermark.Stderr.ShouldNotContain("   at ");
    }

    private static Task<CliResult> Host(TempRoot root, string[] admission, string ceiling = Ceiling, Dictionary<string, string?>? environment = null) =>
        OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--function", "BlobBufferProcessor", "--ceiling", ceiling, "--until-idle", "2s", .. SeedSettings, .. admission],
            timeout: TimeSpan.FromMinutes(3), environment: environment);
}
