using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host --app</c> with a user's real .NET isolated function app (tests/apps/IsolatedBlobApp, built from NuGet
/// with the real worker SDK): the host serves the Functions worker protocol over gRPC, the app's own worker process runs
/// the functions under the memory ceiling; containers are the folders its binding paths name.
/// </summary>
public sealed class FunctionAppHostTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData("ScanBuffered")]
    [InlineData("ScanText")]
    [InlineData("ScanMemory")]
    public async Task Each_trigger_parameter_type_gets_the_whole_blob_and_every_output_is_byte_for_byte_right(string function)
    {
        using var root = NewRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            blobs[$"batch/{i:D2}.csv"] = root.Upload($"batch/{i:D2}.csv", 1000 + (i * 4099), seed: i);
        }

        var result = await Host(root, function, "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.ErrorText.ShouldContain("(dotnet-isolated)");
        foreach (var (name, sha) in blobs)
        {
            File.ReadAllText(root.Scanned($"{name}.sha256")).ShouldBe(sha, name);
        }

        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBe(blobs.Count);
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process started'").ShouldBe(1);
    }

    [Fact]
    public async Task Outputs_of_a_return_type_are_written_and_a_throwing_invocation_is_retried_then_poisoned_with_its_exception()
    {
        using var root = NewRoot();
        var sha = root.Upload("a.bin", 70_000, seed: 1);
        root.Upload("bad-1.bin", 10, seed: 2);

        var result = await Host(root, "ScanWithReport", "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(root.Scanned("a.bin.sha256")).ShouldBe(sha);
        File.ReadAllText(root.Scanned("a.bin.txt")).ShouldBe("a.bin: 70000 bytes");
        File.Exists(root.Scanned("bad-1.bin.sha256")).ShouldBeFalse();
        using var queue = new TelemetryDb(root.QueueDb);
        var reason = queue.Strings("SELECT reason FROM messages WHERE state = 3 AND blob_name = 'bad-1.bin'").ShouldHaveSingleItem();
        reason.ShouldContain("bad-1.bin is not a valid upload");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBe(5);
        telemetry.Count("SELECT count(*) FROM exceptions WHERE outerMessage LIKE '%bad-1.bin is not a valid upload%'").ShouldBe(5);
    }

    [Fact]
    public async Task A_Stream_parameter_fails_as_in_production_when_the_host_sends_bytes_and_nothing_is_lost()
    {
        // With an output path expression ({name}) the Functions host skips deferred binding and sends the blob's bytes,
        // which the .NET worker cannot convert to a Stream (a known limitation of the real worker): oomlab reproduces it.
        using var root = NewRoot();
        root.Upload("a.bin", 100, seed: 1);

        var result = await Host(root, "ScanStreamed", "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Strings("SELECT reason FROM messages WHERE state = 3").ShouldHaveSingleItem()
            .ShouldContain("Cannot convert input parameter 'content' to type 'System.IO.Stream'");
    }

    [Fact]
    public async Task The_buffering_app_over_a_small_ceiling_is_killed_with_exit_137_and_restarted_with_both_message_families()
    {
        using var root = NewRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            blobs[$"load/{i:D2}.bin"] = root.Upload($"load/{i:D2}.bin", i % 3 == 0 ? 40 * MiB : 2 * MiB, seed: i);
        }

        var result = await Host(root, "ScanBuffered", "256MiB",
            ["--setting", "BLOB_BATCH_SIZE=12", "--setting", "MAX_CONCURRENT_INVOCATIONS=12", "--heap-limit", "200%", "--restart-delay", "200ms"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        var traces = telemetry.Strings("SELECT message FROM traces");
        traces.ShouldContain("Worker process exited with code 137");
        traces.ShouldContain(m => m.StartsWith("Language Worker Process exited. Pid=", StringComparison.Ordinal));
        traces.ShouldContain("dotnet exited with code 137 (0x89)");
        traces.Count(m => m == "Worker process started").ShouldBeGreaterThan(1);
        root.AssertNothingLost(blobs);
    }

    [Fact]
    public async Task A_function_that_outlives_functionTimeout_fails_with_the_timeout_message_and_its_worker_restarts()
    {
        using var root = NewRoot("""{ "version": "2.0", "functionTimeout": "00:00:02", "extensions": { "queues": { "maxDequeueCount": 2 } } }""");
        root.Upload("slow.bin", 10, seed: 1);

        var result = await Host(root, "ScanSlowly", "EP1", ["--setting", "SLEEP_SECONDS=600", "--restart-delay", "200ms"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        var traces = telemetry.Strings("SELECT message FROM traces");
        traces.ShouldContain(m => m.StartsWith("Timeout value of 00:00:02 exceeded by function 'Functions.ScanSlowly'", StringComparison.Ordinal));
        traces.ShouldContain(m => m.StartsWith("A function timeout has occurred. Restarting worker process executing invocationId", StringComparison.Ordinal));
        traces.ShouldContain("Restart of language worker process(es) completed.");
        telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'Microsoft.Azure.WebJobs.Host.FunctionTimeoutException'").ShouldBe(2);
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Strings("SELECT reason FROM messages WHERE state = 3").ShouldHaveSingleItem()
            .ShouldContain("Timeout value of 00:00:02 was exceeded by function: Functions.ScanSlowly");
    }

    [Theory]
    [InlineData("never-connects", "sleep 60", "did not open its gRPC event stream")]
    [InlineData("exits-at-once", "echo 'worker failed to start' >&2; exit 3", "worker failed to start")]
    [InlineData("speaks-garbage", "exec 3<>/dev/tcp/$2/$4; printf 'GARBAGE\\r\\n\\r\\n' >&3; sleep 60", "did not open its gRPC event stream")]
    public async Task A_worker_that_does_not_speak_the_protocol_is_a_clear_error_without_a_hang(string name, string script, string expected)
    {
        using var root = NewRoot();
        root.Upload("a.bin", 10, seed: 1);
        var app = Path.Combine(root.Path, "app-" + name);
        IsolatedApp.CopyWithHostJson(app, """{ "version": "2.0" }""");
        File.WriteAllText(Path.Combine(app, "worker.sh"), script + "\n");
        File.WriteAllText(Path.Combine(app, "worker.config.json"),
            """{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "/bin/bash", "defaultWorkerPath": "worker.sh" } }""");

        var result = await OomLabCli.RunAsync(
            ["host", "--root", root.Path, "--app", app, "--function", "ScanBuffered", "--until-idle", "2s", "--start-timeout", "3s"],
            timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.ErrorText.ShouldContain(expected);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_function_names_the_app_file_and_the_functions_it_has()
    {
        using var root = NewRoot();

        var result = await Host(root, "NoSuchFunction", "EP1", []);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("function 'NoSuchFunction' (--function) is not in");
        result.ErrorText.ShouldContain("functions.metadata");
        result.ErrorText.ShouldContain("ScanBuffered");
    }

    private static Task<CliResult> Host(AppRoot root, string function, string ceilingOrPlan, string[] extra) =>
        root.HostAsync(function, ceilingOrPlan, extra, TimeSpan.FromMinutes(4));

    private static AppRoot NewRoot(string? hostJson = null) => new(path => hostJson is null ? IsolatedApp.Directory : IsolatedApp.CopyWithHostJson(System.IO.Path.Combine(path, "app"), hostJson));
}
