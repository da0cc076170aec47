using OomLab.Kql.Tests.Support;
using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>
/// Every KQL block of the seed lab guide and playbook, verbatim from Seeds/*.kql, against
/// <see cref="LabFixture"/>; expected rows are worked out by hand in the comments.
/// </summary>
public sealed class SeedQueryTests
{
    private static string[] RunSeed(string file, out KqlTable table)
    {
        // The az one-liners are shell strings: the shell expands ${APP_NAME} before KQL sees it.
        table = Table(SeedQuery(file).Replace("${APP_NAME}", LabFixture.App, StringComparison.Ordinal));
        return Rows(table);
    }

    [Fact]
    public void Lab_query_A_lists_host_lifecycle_in_the_baseline_window_by_whole_terms()
    {
        // "MyHost started" is not the term "Host"; the other app's start and the heartbeat are out.
        RunSeed("lab-query-A.kql", out var table).ShouldBe(
        [
            "2026-04-05T01:30:05Z | 1 | Starting Host",
            "2026-04-05T01:30:06Z | 1 | Host started (412ms)",
            "2026-04-05T01:30:07Z | 1 | Worker process started",
        ]);
        Columns(table).ShouldBe("timestamp:datetime, severityLevel:long, message:string");
    }

    [Theory]
    [InlineData("lab-query-B.kql")]
    [InlineData("lab-cli-2.kql")]
    public void Lab_query_B_summarizes_requests_per_5_minutes(string file)
    {
        // 01:30 bin: 400, 600 (ok), 500 ms (failed): p95 = rank ceil(0.95*3)=3 -> 600; 1 of 3 failed = 33.33 %.
        // 01:45:00 is inside "between" (inclusive) and opens its own bin.
        RunSeed(file, out var table).ShouldBe(
        [
            "2026-04-05T01:30:00Z | 3 | 1 | 600 | 33.33",
            "2026-04-05T01:40:00Z | 1 | 0 | 420 | 0",
            "2026-04-05T01:45:00Z | 1 | 0 | 1000 | 0",
        ]);
        Columns(table).ShouldBe("timestamp:datetime, total:long, failures:long, p95Ms:real, failureRatePercent:real");
    }

    [Theory]
    [InlineData("lab-query-C.kql")]
    [InlineData("lab-cli-1.kql")]
    public void Lab_query_C_averages_private_bytes_in_MiB(string file)
    {
        // (420 + 610) / 2 = 515 MiB; the Working Set counter and the other app are filtered out.
        RunSeed(file, out _).ShouldBe(
        [
            "2026-04-05T01:30:00Z | 515 | 610",
            "2026-04-05T01:40:00Z | 500 | 500",
        ]);
    }

    [Fact]
    public void Lab_query_D_finds_the_restart_message_in_function_logs()
    {
        RunSeed("lab-query-D.kql", out var table).ShouldBe(["2026-04-05T01:44:00Z |  | Warning | Restarting worker process after unexpected exit"]);
        Columns(table).ShouldBe("TimeGenerated:datetime, FunctionName:string, Level:string, Message:string");
    }

    [Theory]
    [InlineData("lab-query-E.kql")]
    [InlineData("lab-cli-4.kql")]
    public void Lab_query_E_finds_memory_errors_and_failed_invocations(string file)
    {
        // "MemoryErrors are rare" is a different term; the other app's MemoryError is filtered out.
        RunSeed(file, out _).ShouldBe(
        [
            "2026-04-05T02:16:41.105Z | BlobBufferProcessor | Error | MemoryError: cannot allocate bytes object",
            "2026-04-05T02:16:41.151Z | BlobBufferProcessor | Error | Invocation failed after 00:00:09.102",
            "2026-04-05T02:19:12.442Z | BlobBufferProcessor | Error | MemoryError: cannot allocate bytes object",
            "2026-04-05T02:19:12.501Z | BlobBufferProcessor | Error | Invocation failed after 00:00:10.088",
        ]);
    }

    [Theory]
    [InlineData("lab-query-F.kql")]
    [InlineData("lab-cli-3.kql")]
    public void Lab_query_F_shows_the_crash_loop_signature(string file)
    {
        RunSeed(file, out _).ShouldBe(
        [
            "2026-04-05T02:16:41.512Z | 3 | Worker process exited with code 137",
            "2026-04-05T02:16:45.994Z | 2 | Restarting worker process after unexpected exit",
            "2026-04-05T02:16:49.144Z | 1 | Worker process started",
            "2026-04-05T02:22:07.523Z | 3 | Worker process exited with code 137",
            "2026-04-05T02:22:12.016Z | 2 | Restarting worker process after unexpected exit",
            "2026-04-05T02:22:15.145Z | 1 | Worker process started",
        ]);
    }

    [Fact]
    public void Lab_query_G_shows_request_degradation()
    {
        // 01:45 bin: 1000 ok, 1620 failed -> p95 rank 2 = 1620, 50 %; 02:15 bin: 9102 x, 2000 ok, 10210 x -> 10210, 66.67 %.
        RunSeed("lab-query-G.kql", out _).ShouldBe(
        [
            "2026-04-05T01:45:00Z | 2 | 1 | 1620 | 50",
            "2026-04-05T02:15:00Z | 3 | 2 | 10210 | 66.67",
        ]);
    }

    [Fact]
    public void Lab_query_H_groups_dependencies_by_type_target_and_bin()
    {
        RunSeed("lab-query-H.kql", out var table).ShouldBe(
        [
            "Azure blob | stfuncoomlab001.blob.core.windows.net | 2026-04-05T01:50:00Z | 2 | 1 | 300 | 50",
            "HTTP | api.example.com | 2026-04-05T01:50:00Z | 1 | 0 | 80 | 0",
            "Azure blob | stfuncoomlab001.blob.core.windows.net | 2026-04-05T02:15:00Z | 1 | 1 | 2500 | 100",
        ]);
        Columns(table).ShouldBe("type:string, target:string, timestamp:datetime, total:long, failed:long, p95Ms:real, failureRatePercent:real");
    }

    [Theory]
    [InlineData("lab-query-I.kql")]
    [InlineData("lab-cli-5.kql")]
    public void Lab_query_I_shows_memory_entering_the_critical_band(string file)
    {
        // 964689920 B = 920 MiB; 02:20 bin: avg of 2867000000 and 2700000000 = 2783500000 B = 2654.55 MiB; max 2734.18 MiB.
        RunSeed(file, out _).ShouldBe(
        [
            "2026-04-05T01:45:00Z | 920 | 920",
            "2026-04-05T02:20:00Z | 2654.6 | 2734.2",
        ]);
    }

    [Fact]
    public void Lab_post_fix_memory_error_count_sees_a_phrase_at_a_term_boundary()
    {
        // "out of memory-pressure": the hyphen ends the term "memory", so "Out of memory" matches (case-insensitive).
        RunSeed("lab-postfix-1.kql", out var table).ShouldBe(["1"]);
        Columns(table).ShouldBe("count_:long");
    }

    [Fact]
    public void Lab_post_fix_requests_recover()
    {
        RunSeed("lab-postfix-2.kql", out _).ShouldBe(
        [
            "2026-04-05T02:30:00Z | 1102.5 | 0",
            "2026-04-05T02:35:00Z | 920 | 100",
        ]);
    }

    [Fact]
    public void Lab_post_fix_has_no_worker_restarts()
    {
        RunSeed("lab-postfix-3.kql", out _).ShouldBe(["0"]);
    }

    [Fact]
    public void Lab_anchor_block_binds_and_returns_no_table()
    {
        var result = Run(SeedQuery("lab-anchor.kql"));
        result.Diagnostics.ShouldBeEmpty();
        result.Tables.ShouldBeEmpty();
    }

    [Fact]
    public void Playbook_H1_joins_oom_traces_to_request_payload_sizes()
    {
        // op-3: two matching traces join one request of 52428800 bytes (a string in customDimensions);
        // op-4: one trace, 73400320 bytes (a number). Rows without RequestBodyBytes are dropped.
        RunSeed("playbook-H1.kql", out var table).ShouldBe(
        [
            "ProcessOrderHttpTrigger | 2 | 52428800 | 52428800",
            "ImportCatalogHttpTrigger | 1 | 73400320 | 73400320",
        ]);
        Columns(table).ShouldBe("name:string, incidents:long, p95RequestBytes:long, maxRequestBytes:long");
    }

    [Fact]
    public void Playbook_H2_joins_blob_reads_to_oom_traces()
    {
        // op-3 blob sizes 16, 48, 64, 80 MiB: p95 = rank 4 = 83886080. "azure BLOB" matches =~.
        RunSeed("playbook-H2.kql", out var table).ShouldBe(
        [
            "2026-04-05T03:28:02.114Z | op-4 | 2 | 67108864 | 67108864 | Worker process terminated due to memory pressure",
            "2026-04-05T03:10:11.907Z | op-3 | 4 | 83886080 | 83886080 | Worker process terminated due to memory pressure",
            "2026-04-05T03:10:11.22Z | op-3 | 4 | 83886080 | 83886080 | System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
        ]);
        Columns(table).ShouldBe("oomTime:datetime, operation_Id:string, blobOps:long, p95Bytes:long, maxBytes:long, oomMessage:string");
    }

    [Fact]
    public void Playbook_H3_tracks_memory_per_instance_and_10_minute_bin()
    {
        RunSeed("playbook-H3.kql", out var table).ShouldBe(
        [
            "WorkingSet | RD0 | 2026-04-05T02:40:00Z | 4000 | 4000",
            "WorkingSet | RD1 | 2026-04-05T02:40:00Z | 1500 | 2000",
            "PrivateBytes | RD1 | 2026-04-05T02:40:00Z | 500 | 500",
            "WorkingSet | RD1 | 2026-04-05T02:50:00Z | 3000 | 3000",
            "WorkingSet | RD1 | 2026-04-05T04:00:00Z | 1393585152 | 1499822080",
            "PrivateBytes | RD1 | 2026-04-05T04:10:00Z | 1519804416 | 1519804416",
        ]);
        Columns(table).ShouldBe("Name:string, cloud_RoleInstance:string, TimeGenerated:datetime, avgValue:real, maxValue:real");
    }

    [Fact]
    public void Playbook_H4_keeps_sql_operations_with_retention_traces()
    {
        // in~ matches "Azure SQL", "SQL" and "sql"; op-4 has no DbContext trace, so its empty traceMsg is dropped.
        RunSeed("playbook-H4.kql", out var table).ShouldBe(["op-7 | 2 | 1 | 00:00:01.009 | DbContext retained across invocations; memory pressure rising"]);
        Columns(table).ShouldBe("operation_Id:string, depCount:long, failed:long, p95Duration:timespan, traceMsg:string");
    }

    [Fact]
    public void Playbook_H5_matches_media_names_by_whole_terms()
    {
        // "GenerateThumbnail" is one term, so has_any("Thumbnail") does not match it; "Thumbnail_Generate" does.
        RunSeed("playbook-H5.kql", out _).ShouldBe(
        [
            "2026-04-05T04:06:31.442Z | Thumbnail_Generate | 1 | 1 | 00:00:08.305 | Worker process terminated while processing image buffer",
            "2026-04-05T04:02:45.11Z | Render_Pdf_Activity | 1 | 1 | 00:00:22.919 | System.OutOfMemoryException during PDF page rasterization",
        ]);
    }

    [Fact]
    public void Playbook_H6_takes_hourly_percentiles_of_working_set()
    {
        RunSeed("playbook-H6.kql", out var table).ShouldBe(
        [
            "RD1 | 2026-04-05T04:00:00Z | 1499822080 | 1499822080 | 1499822080",
            "RD1 | 2026-04-05T02:00:00Z | 3000 | 3000 | 3000",
            "RD0 | 2026-04-05T02:00:00Z | 4000 | 4000 | 4000",
        ]);
        Columns(table).ShouldBe("cloud_RoleInstance:string, TimeGenerated:datetime, p95:real, p99:real, peak:real");
    }

    [Fact]
    public void Playbook_quick_check_finds_recent_out_of_memory_traces()
    {
        RunSeed("playbook-cli-6.kql", out var table).ShouldBe(["2026-04-05T04:02:45.11Z | RD2 | op-5 | System.OutOfMemoryException during PDF page rasterization"]);
        Columns(table).ShouldBe("timestamp:datetime, cloud_RoleInstance:string, operation_Id:string, message:string");
    }

    [Fact]
    public void Playbook_quick_check_names_unnamed_aggregates_like_kusto()
    {
        RunSeed("playbook-cli-7.kql", out var table).ShouldBe(
        [
            "WorkingSet | 2026-04-05T04:05:00Z | 1393585152 | 1499822080",
            "PrivateBytes | 2026-04-05T04:10:00Z | 1519804416 | 1519804416",
        ]);
        Columns(table).ShouldBe("Name:string, TimeGenerated:datetime, avg_Value:real, max_Value:real");
    }

    [Fact]
    public void Every_seed_block_parses_and_binds_unchanged()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "*.kql");
        files.Length.ShouldBe(26);
        foreach (var file in files)
        {
            KqlEngine.Check(File.ReadAllText(file), LabFixture.Tables()).ShouldBeEmpty(Path.GetFileName(file));
        }
    }
}
