using System.Globalization;
using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host</c> end to end: the real executable, real worker processes, a real memory ceiling, real
/// kills, real files; telemetry read back from the store it wrote.
/// </summary>
public sealed class HostCommandTests
{
    private const long MiB = 1024 * 1024;

    private static readonly string[] SeedFailingSettings =
        ["--setting", "BLOB_BATCH_SIZE=32", "--setting", "MAX_CONCURRENT_INVOCATIONS=48"];

    [Fact]
    public async Task Buffering_function_over_a_small_ceiling_is_killed_with_exit_137_and_restarted()
    {
        using var root = new TempRoot();
        var blobs = WriteLargeBlobs(root);

        // A heap limit well above the ceiling: the instance crosses the ceiling before the runtime throws.
        var result = await Host(root, "BlobBufferProcessor", "224MiB", [.. SeedFailingSettings, "--heap-limit", "200%"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        var traces = telemetry.Strings("SELECT message FROM traces");
        traces.ShouldContain("Worker process exited with code 137");
        traces.ShouldContain("Restarting worker process after unexpected exit");
        traces.Count(m => m == "Worker process started").ShouldBeGreaterThan(1);
        telemetry.Count("SELECT count(*) FROM FunctionAppLogs WHERE Message LIKE 'Worker process exited with code 137%'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBeGreaterThan(0);
        AssertNothingLost(root, blobs);
    }

    [Fact]
    public async Task Buffering_function_under_a_heap_limit_at_the_ceiling_fails_with_OutOfMemoryException()
    {
        using var root = new TempRoot();
        var blobs = WriteLargeBlobs(root);

        // A heap limit below the ceiling: the runtime throws before the instance can cross the ceiling.
        var result = await Host(root, "BlobBufferProcessor", "224MiB", [.. SeedFailingSettings, "--heap-limit", "60%"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM FunctionAppLogs WHERE Message LIKE 'System.OutOfMemoryException:%'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM FunctionAppLogs WHERE Message LIKE 'Invocation failed after%'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBeGreaterThan(0);
        AssertNothingLost(root, blobs);
    }

    [Fact]
    public async Task Streaming_function_under_the_same_load_and_settings_never_exits_and_finishes_every_blob()
    {
        using var root = new TempRoot();
        var blobs = WriteLargeBlobs(root);

        var result = await Host(root, "BlobStreamProcessor", "224MiB", SeedFailingSettings);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%'").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM exceptions").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBe(0);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBe(blobs.Count);
        AssertEveryBlobDone(root, blobs);
    }

    [Fact]
    public async Task Nothing_is_lost_when_the_host_is_killed_mid_run_and_started_again()
    {
        using var root = new TempRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 1000; i++)
        {
            var name = $"batch/{i:D4}.csv";
            blobs[name] = root.WriteBlob(name, 16 * 1024 + i, seed: i);
        }

        // Two invocations at a time, each pair committed on its own: slow enough that the polls below see it mid-run
        // however busy the machine is (with the defaults it once finished all 1,000 blobs between two polls while the rest of the suite ran).
        using (var host = OomLabCli.Start(["host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB",
            "--setting", "BLOB_BATCH_SIZE=2", "--setting", "MAX_CONCURRENT_INVOCATIONS=2"]))
        {
            // Kill -9 once some, but not all, blobs are done. Their outputs are counted (a directory listing), not their
            // receipts: a read of the queue that fails while the host writes it would read as none, and let it finish.
            var published = Path.Combine(root.Output, "batch");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((Directory.Exists(published) ? Directory.EnumerateFiles(published).Count() : 0) < 40 && DateTime.UtcNow < deadline && !host.HasExited)
            {
                await Task.Delay(20);
            }

            host.Kill(entireProcessTree: false);
            await host.WaitForExitAsync();
        }

        ReceiptCount(root).ShouldBeLessThan(blobs.Count, "the kill came too late to prove anything");

        var result = await Host(root, "BlobStreamProcessor", "512MiB", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        AssertEveryBlobDone(root, blobs);
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Count("SELECT count(*) FROM receipts").ShouldBe(blobs.Count);
    }

    [Fact]
    public async Task Empty_and_slowly_written_blobs_are_processed_once_complete_and_bad_names_are_left_alone()
    {
        using var root = new TempRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["empty.csv"] = root.WriteBlob("empty.csv", 0),
        };
        var badName = Path.Combine(root.Input, "bad\u0007name.csv");
        await File.WriteAllTextAsync(badName, "never touched\n");

        using var host = OomLabCli.Start(["host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB", "--until-idle", "3s"]);
        var slowPath = Path.Combine(root.Input, "slow.csv");
        await using (var slow = new FileStream(slowPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            // Pauses well inside the host's 200 ms quiet period: a stall of the writer longer than the rest of it
            // (a loaded machine) would make the partial blob look finished.
            for (var part = 0; part < 8; part++)
            {
                TempRoot.WriteContent(slow, 64 * 1024, seed: part);
                await slow.FlushAsync();
                await Task.Delay(20);
            }
        }

        blobs["slow.csv"] = TempRoot.Sha256(slowPath);
        var stdout = host.StandardOutput.ReadToEndAsync();
        var stderr = host.StandardError.ReadToEndAsync();
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        host.ExitCode.ShouldBe(0, await stderr);
        AssertEveryBlobDone(root, blobs);
        (await File.ReadAllTextAsync(badName)).ShouldBe("never touched\n");
        File.Exists(Path.Combine(root.Output, "bad\u0007name.csv")).ShouldBeFalse();
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Count("SELECT count(*) FROM receipts").ShouldBe(2, await stdout);
    }

    [Fact]
    public async Task A_host_told_to_stop_when_idle_first_runs_a_blob_still_waiting_out_its_quiet_period()
    {
        using var root = new TempRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal) { ["fresh.csv"] = root.WriteBlob("fresh.csv", 4096) };

        // Last written "later": the host can take the blob as finished only once it has seen it unchanged for its
        // 200 ms quiet period, four times the idle time it is told to stop after.
        File.SetLastWriteTimeUtc(Path.Combine(root.Input, "fresh.csv"), DateTime.UtcNow.AddMinutes(5));
        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB", "--until-idle", "50ms");

        result.ExitCode.ShouldBe(0, result.Stderr);
        AssertEveryBlobDone(root, blobs);
    }

    [Fact]
    public async Task A_host_told_to_stop_when_idle_first_finishes_scanning_a_container_slower_to_scan_than_its_idle_time()
    {
        using var root = new TempRoot();

        // 20,000 empty folders take longer to scan than a worker takes to start, and far longer than 50 ms.
        for (var i = 0; i < 20_000; i++)
        {
            Directory.CreateDirectory(Path.Combine(root.Input, "empty", i.ToString("D5", CultureInfo.InvariantCulture)));
        }

        var blobs = new Dictionary<string, string>(StringComparer.Ordinal) { ["zz/last.csv"] = root.WriteBlob("zz/last.csv", 4096) };
        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--function", "BlobStreamProcessor", "--ceiling", "512MiB", "--until-idle", "50ms");

        result.ExitCode.ShouldBe(0, result.Stderr);
        AssertEveryBlobDone(root, blobs);
    }

    [Fact]
    public async Task A_corrupt_host_json_is_an_error_naming_the_file_and_position()
    {
        using var root = new TempRoot();
        await File.WriteAllTextAsync(Path.Combine(root.Path, "host.json"), "{\n  \"version\": \"2.0\",\n  \"extensions\": { \"queues\": { \"batchSize\": 8, } \n");

        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--until-idle", "1s");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("host.json");
        result.Stderr.ShouldContain("line");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_bad_setting_names_the_key_and_the_value()
    {
        using var root = new TempRoot();

        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--setting", "BLOB_BATCH_SIZE=lots", "--until-idle", "1s");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("BLOB_BATCH_SIZE");
        result.Stderr.ShouldContain("lots");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_function_is_a_clear_error()
    {
        using var root = new TempRoot();

        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--function", "NoSuchFunction", "--until-idle", "1s");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("NoSuchFunction");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_ceiling_smaller_than_an_idle_worker_is_refused()
    {
        using var root = new TempRoot();

        var result = await OomLabCli.RunAsync("host", "--root", root.Path, "--ceiling", "4MiB", "--until-idle", "1s");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("ceiling");
        result.Stderr.ShouldNotContain("   at ");
    }

    internal static Dictionary<string, string> WriteLargeBlobs(TempRoot root)
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            var name = $"load/blob-{i:D2}.csv";
            blobs[name] = root.WriteBlob(name, (32 + (i % 3 * 16)) * MiB, seed: i);
        }

        return blobs;
    }

    private static Task<CliResult> Host(TempRoot root, string function, string ceiling, string[] settings) =>
        OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--function", function, "--ceiling", ceiling, "--until-idle", "2s", .. settings],
            timeout: TimeSpan.FromMinutes(3));

    private static long ReceiptCount(TempRoot root)
    {
        if (!File.Exists(root.QueueDb))
        {
            return 0;
        }

        try
        {
            using var queue = new TelemetryDb(root.QueueDb);
            return queue.Count("SELECT count(*) FROM receipts");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Every blob ends done (identical output and a correct result document) or poisoned with a reason.</summary>
    private static void AssertNothingLost(TempRoot root, Dictionary<string, string> blobs)
    {
        using var queue = new TelemetryDb(root.QueueDb);
        var poisoned = queue.Strings("SELECT blob_name FROM messages WHERE state = 3").ToHashSet(StringComparer.Ordinal);
        queue.Count("SELECT count(*) FROM messages WHERE state = 3 AND (reason IS NULL OR reason = '')").ShouldBe(0);
        foreach (var (name, sha) in blobs)
        {
            if (!poisoned.Contains(name))
            {
                AssertDone(root, name, sha);
            }
        }

        queue.Count("SELECT count(*) FROM messages WHERE state IN (0, 1)").ShouldBe(0);
        (queue.Count("SELECT count(*) FROM receipts") + poisoned.Count).ShouldBe(blobs.Count);
    }

    internal static void AssertEveryBlobDone(TempRoot root, Dictionary<string, string> blobs)
    {
        foreach (var (name, sha) in blobs)
        {
            AssertDone(root, name, sha);
        }
    }

    internal static void AssertDone(TempRoot root, string name, string sha)
    {
        var output = Path.Combine(root.Output, name);
        File.Exists(output).ShouldBeTrue($"{name} has no output");
        TempRoot.Sha256(output).ShouldBe(sha, $"{name}'s output differs from its input");
        using var result = JsonDocument.Parse(File.ReadAllText(output + ".result.json"));
        result.RootElement.GetProperty("sha256").GetString().ShouldBe(sha);
        result.RootElement.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(Path.Combine(root.Input, name)).Length);
    }
}
