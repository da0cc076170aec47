using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host --app</c> with a Python v2 app (tests/apps/PythonBlobApp: function_app.py and host.json, nothing else):
/// oomlab's own Python worker indexes it and runs it over the Functions worker protocol, with the azure.functions surface
/// the app imports; MemoryError comes from the worker's memory limit, exit 137 from the host's ceiling.
/// </summary>
public sealed class PythonAppHostTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData("scan_buffered")]
    [InlineData("scan_chunked")]
    public async Task Each_function_gets_the_whole_blob_and_every_output_is_byte_for_byte_right(string function)
    {
        using var root = NewRoot();
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 16; i++)
        {
            blobs[$"batch/{i:D2}.csv"] = root.Upload($"batch/{i:D2}.csv", 1000 + (i * 70_001), seed: i);
        }

        var result = await Host(root, function, "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.ErrorText.ShouldContain("(python)");
        foreach (var (name, sha) in blobs)
        {
            File.ReadAllText(root.Scanned($"{name}.sha256")).ShouldBe(sha, name);
        }

        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBe(blobs.Count);
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process started'").ShouldBe(1);
        if (function == "scan_buffered")
        {
            telemetry.Count("SELECT count(*) FROM FunctionAppLogs WHERE Message = 'Python blob trigger function processed blob Name: uploads/batch/03.csv Blob Size: 211003 bytes'")
                .ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_bytes_parameter_a_context_and_a_return_value_bind_and_app_settings_reach_the_worker()
    {
        using var root = NewRoot();
        root.Upload("a.bin", 70_000, seed: 1);

        var result = await Host(root, "ScanBytes", "EP1", ["--setting", "GREETING=hello"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(root.Scanned("a.bin.txt")).ShouldBe("ScanBytes: 70000 bytes, hello");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        var invocation = telemetry.Strings("SELECT FunctionInvocationId FROM FunctionAppLogs WHERE Message LIKE 'invocation % got 70000 bytes' AND Level = 'Warning'")
            .ShouldHaveSingleItem();
        telemetry.Count($"SELECT count(*) FROM FunctionAppLogs WHERE Message = 'invocation {invocation} got 70000 bytes'").ShouldBe(1);
    }

    [Fact]
    public async Task A_blob_client_parameter_binds_lazily_and_reads_the_blob_itself_in_ranges_never_holding_it_whole()
    {
        using var root = NewRoot();
        var sha = root.Upload("big.bin", 48 * MiB, seed: 3);

        var result = await Host(root, "scan_streamed", "96MiB", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.ErrorText.ShouldNotContain("deferred binding");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count($"SELECT count(*) FROM FunctionAppLogs WHERE Message = 'uploads/big.bin: {48 * MiB} bytes, sha256 {sha}'").ShouldBe(1);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 1").ShouldBe(1);
        telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBe(0, "the host did not read the blob");
        telemetry.Count("SELECT count(*) FROM traces WHERE message LIKE 'Worker process exited%'").ShouldBe(0);
        var peak = telemetry.Strings("SELECT max(Value) FROM AppMetrics WHERE Name = 'PrivateBytes'").ShouldHaveSingleItem();
        double.Parse(peak, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(48 * MiB, "the worker never held the blob whole");
    }

    [Fact]
    public async Task Invocations_run_concurrently_on_the_workers_thread_pool()
    {
        // Each invocation waits at a two-party barrier (20 s, then BrokenBarrierError): they succeed only side by side.
        using var root = NewRoot();
        var first = root.Upload("one.bin", 1000, seed: 1);
        var second = root.Upload("two.bin", 2000, seed: 2);

        var result = await Host(root, "scan_in_pairs", "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(root.Scanned("one.bin.sha256")).ShouldBe(first);
        File.ReadAllText(root.Scanned("two.bin.sha256")).ShouldBe(second);
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM requests WHERE success = 0").ShouldBe(0);
    }

    [Fact]
    public async Task A_raising_function_is_retried_then_poisoned_with_the_Python_exception_and_its_traceback()
    {
        using var root = NewRoot();
        var sha = root.Upload("good.bin", 5000, seed: 1);
        root.Upload("x.bad", 10, seed: 2);

        var result = await Host(root, "scan_buffered", "EP1", []);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(root.Scanned("good.bin.sha256")).ShouldBe(sha);
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Strings("SELECT reason FROM messages WHERE state = 3").ShouldHaveSingleItem().ShouldContain("ValueError: uploads/x.bad is not a valid upload");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM exceptions WHERE outerMessage = 'ValueError: uploads/x.bad is not a valid upload'").ShouldBe(5);
        telemetry.Strings("SELECT details FROM exceptions LIMIT 1").ShouldHaveSingleItem()
            .ShouldContain("function_app.py\", line 19, in scan_buffered");
    }

    [Fact]
    public async Task The_buffering_function_over_its_memory_limit_fails_with_MemoryError_in_the_invocation()
    {
        // 192 MiB of budget for a 40 MiB blob: the payload arrives (grpc needs about three times it, briefly), then the
        // function's decoded copies do not fit: Python raises MemoryError in the user's code, and the worker lives on.
        using var root = NewRoot();
        root.Upload("big.bin", 40 * MiB, seed: 1);
        var small = root.Upload("small.bin", 1000, seed: 2);

        var result = await Host(root, "scan_buffered", "256MiB", ["--heap-limit", "75%", "--setting", "MAX_CONCURRENT_INVOCATIONS=1"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("(5 out of memory)");
        File.ReadAllText(root.Scanned("small.bin.sha256")).ShouldBe(small);
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Strings("SELECT reason FROM messages WHERE state = 3 AND blob_name = 'big.bin'").ShouldHaveSingleItem().ShouldContain("MemoryError");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Strings("SELECT details FROM exceptions WHERE outerMessage LIKE 'MemoryError%'").Count.ShouldBe(5);
        telemetry.Strings("SELECT details FROM exceptions").ShouldAllBe(d => d.Contains("in scan_buffered") && d.TrimEnd().EndsWith("MemoryError"));
        telemetry.Count("SELECT count(*) FROM FunctionAppLogs WHERE Message LIKE '%MemoryError%'").ShouldBeGreaterThan(0);
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process started'").ShouldBe(1);
    }

    [Fact]
    public async Task A_payload_that_cannot_be_received_within_the_limit_ends_the_worker_at_once_and_it_is_retried_not_hung()
    {
        // 102 MiB of budget: grpc needs about three times the 40 MiB payload to receive it, so the worker cannot go on.
        using var root = NewRoot("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 2 } } }""");
        root.Upload("big.bin", 40 * MiB, seed: 1);

        var result = await Host(root, "scan_buffered", "256MiB",
            ["--heap-limit", "40%", "--setting", "MAX_CONCURRENT_INVOCATIONS=1", "--restart-delay", "200ms"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count("SELECT count(*) FROM traces WHERE message = 'python exited with code 1 (0x1)'").ShouldBe(2);
        // The exit trace carries the worker's last stderr lines: why it ended.
        var tails = telemetry.Strings(
            "SELECT coalesce(json_extract(customDimensions, '$.StderrTail'), '') FROM traces WHERE message = 'Worker process exited with code 1'");
        tails.Count.ShouldBe(2);
        tails.ShouldAllBe(tail => tail.Contains("MemoryError: the worker could not receive a message from the host within its memory limit"));
        using var queue = new TelemetryDb(root.QueueDb);
        queue.Strings("SELECT reason FROM messages WHERE state = 3 AND blob_name = 'big.bin'").ShouldHaveSingleItem().ShouldContain("exited with code 1");
    }

    [Fact]
    public async Task The_buffering_function_over_a_small_ceiling_is_killed_with_exit_137_and_restarted_and_nothing_is_lost()
    {
        using var root = NewRoot("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 2 } } }""");
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 8; i++)
        {
            blobs[$"load/{i:D2}.bin"] = root.Upload($"load/{i:D2}.bin", i % 4 == 0 ? 40 * MiB : 2 * MiB, seed: i);
        }

        var result = await Host(root, "scan_buffered", "256MiB",
            ["--setting", "BLOB_BATCH_SIZE=8", "--setting", "MAX_CONCURRENT_INVOCATIONS=8", "--restart-delay", "200ms"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        var traces = telemetry.Strings("SELECT message FROM traces");
        traces.ShouldContain("Worker process exited with code 137");
        traces.ShouldContain(m => m.StartsWith("Language Worker Process exited. Pid=", StringComparison.Ordinal));
        traces.ShouldContain("python exited with code 137 (0x89)");
        traces.Count(m => m == "Worker process started").ShouldBeGreaterThan(1);
        using var queue = new TelemetryDb(root.QueueDb);
        var poisoned = queue.Strings("SELECT blob_name FROM messages WHERE state = 3").ToHashSet(StringComparer.Ordinal);
        queue.Count("SELECT count(*) FROM messages WHERE state = 3 AND (reason IS NULL OR reason = '')").ShouldBe(0);
        foreach (var (name, sha) in blobs.Where(b => !poisoned.Contains(b.Key)))
        {
            File.ReadAllText(root.Scanned($"{name}.sha256")).ShouldBe(sha, name);
        }

        queue.Count("SELECT count(*) FROM messages WHERE state IN (0, 1)").ShouldBe(0);
        (queue.Count("SELECT count(*) FROM receipts") + poisoned.Count).ShouldBe(blobs.Count);
    }

    [Theory]
    [InlineData("syntax", "def broken(:\n", "function_app.py:8:12: SyntaxError: ")]
    [InlineData("missing-argument", "@app.blob_trigger(arg_name=\"b\", connection=\"AzureWebJobsStorage\")\ndef more(b: func.InputStream):\n    pass\n",
        "function_app.py:8: TypeError: ")]
    [InlineData("import", "import not_installed_anywhere\n", "function_app.py:8: ModuleNotFoundError: No module named 'not_installed_anywhere'")]
    [InlineData("unbound-parameter", "@app.blob_trigger(arg_name=\"b\", path=\"uploads/{name}\", connection=\"AzureWebJobsStorage\")\ndef more(b: func.InputStream, extra: str):\n    pass\n",
        "cannot load the more function: the following parameters are declared in Python but not in the function definition: {'extra'}")]
    public async Task An_app_that_cannot_be_indexed_is_a_clear_error_naming_the_file_and_line_without_a_hang(string name, string code, string expected)
    {
        using var root = NewRoot();
        var app = PythonApp.Copy(Path.Combine(root.Path, "app-" + name), functionApp:
            "import azure.functions as func\n\napp = func.FunctionApp()\n\n\n# " + name + "\n\n" + code);

        var result = await OomLabCli.RunAsync(["host", "--root", root.Path, "--app", app, "--until-idle", "2s"], timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain(expected);
        result.ErrorText.ShouldContain(Path.Combine(app, "function_app.py"));
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Several_functions_and_none_chosen_names_function_app_py_and_the_functions_it_has()
    {
        using var root = NewRoot();

        var result = await OomLabCli.RunAsync(["host", "--root", root.Path, "--app", root.App, "--until-idle", "2s"], timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain("function_app.py has several blob- or HTTP-triggered functions; choose one with --function: scan_buffered, scan_chunked, ScanBytes, scan_in_pairs, scan_streamed, hash_upload");
    }

    private static Task<CliResult> Host(AppRoot root, string function, string ceilingOrPlan, string[] extra) =>
        root.HostAsync(function, ceilingOrPlan, extra, TimeSpan.FromMinutes(2));

    private static AppRoot NewRoot(string? hostJson = null) => new(path => PythonApp.Copy(System.IO.Path.Combine(path, "app"), hostJson));
}
