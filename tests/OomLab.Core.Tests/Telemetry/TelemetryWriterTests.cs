using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry;

[Collection(SelfLogCollection.Name)]
public sealed class TelemetryWriterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Some.T0;
    private static readonly TelemetryIdentity Identity = new("func-oom-lab", "instance-0");
    private readonly TempDirectory directory = new();
    private readonly string path;

    public TelemetryWriterTests() => path = directory.Combine("telemetry.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Every_item_type_round_trips_into_its_table_with_the_app_identity()
    {
        var props = new Dictionary<string, string> { ["ContentLengthBytes"] = "6291456", ["quote\"d"] = "a\nb" };
        await using (var writer = TelemetryWriter.Open(path, Identity))
        {
            writer.Emit(new RequestTelemetry(T0, "req-1", "BlobBufferProcessor", false, "500", TimeSpan.FromMilliseconds(9102), "op-1", props));
            writer.Emit(new DependencyTelemetry(T0, "dep-1", "Azure blob", "input", "GET input/a.txt", "input/a.txt", true, "200", TimeSpan.FromMilliseconds(12), "op-1", "BlobBufferProcessor", props));
            writer.Emit(new TraceTelemetry(T0, "Worker process exited with code 137", SeverityLevel.Error));
            writer.Emit(new ExceptionTelemetry(T0, "System.OutOfMemoryException", "Insufficient memory", "at Buffer()", SeverityLevel.Error, "op-1", "BlobBufferProcessor"));
            writer.Emit(new PerformanceCounterTelemetry(T0, "Process", "Private Bytes", "worker-1", 2.67e9));
            writer.Emit(new MetricTelemetry(T0, "BlobBytes", 42.5));
            writer.Emit(new FunctionAppLogTelemetry(T0, "BlobBufferProcessor", "Error", "Invocation failed after 00:00:09.102", "Function.BlobBufferProcessor", "op-1", "System.OutOfMemoryException", "Insufficient memory", "details", 4242));
            writer.Emit(new AppMetricTelemetry(T0, "MemoryWorkingSet", 1.5e9, new Dictionary<string, string> { ["worker"] = "1" }));
        }

        using var reader = TelemetryReader.Open(path);
        var requests = reader.ReadTable("requests");
        requests.RowCount.ShouldBe(1);
        ((long[])requests["timestamp"].Values)[0].ShouldBe(T0.UtcTicks);
        ((bool[])requests["success"].Values)[0].ShouldBeFalse();
        ((long[])requests["duration"].Values)[0].ShouldBe(TimeSpan.FromMilliseconds(9102).Ticks);
        ((string?[])requests["operation_Name"].Values)[0].ShouldBe("BlobBufferProcessor");
        ((string?[])requests["cloud_RoleName"].Values)[0].ShouldBe("func-oom-lab");
        ((string?[])requests["cloud_RoleInstance"].Values)[0].ShouldBe("instance-0");
        ((long[])requests["itemCount"].Values)[0].ShouldBe(1);

        var dependencies = reader.ReadTable("dependencies");
        ((string?[])dependencies["type"].Values)[0].ShouldBe("Azure blob");
        var dimensions = System.Text.Json.JsonDocument.Parse(((string?[])dependencies["customDimensions"].Values)[0]!).RootElement;
        dimensions.GetProperty("ContentLengthBytes").GetString().ShouldBe("6291456");
        dimensions.GetProperty("quote\"d").GetString().ShouldBe("a\nb");

        var traces = reader.ReadTable(TelemetrySchema.Traces);
        ((long[])traces["severityLevel"].Values)[0].ShouldBe(3);
        traces["customDimensions"].IsNull(0).ShouldBeTrue();

        ((string?[])reader.ReadTable("exceptions")["outerMessage"].Values)[0].ShouldBe("Insufficient memory");

        var counters = reader.ReadTable("performanceCounters");
        ((string?[])counters["name"].Values)[0].ShouldBe("Private Bytes");
        ((string?[])counters["category"].Values)[0].ShouldBe("Process");
        ((double[])counters["value"].Values)[0].ShouldBe(2.67e9);

        ((double[])reader.ReadTable("customMetrics")["valueSum"].Values)[0].ShouldBe(42.5);

        var logs = reader.ReadTable("FunctionAppLogs");
        ((string?[])logs["AppName"].Values)[0].ShouldBe("func-oom-lab");
        ((long[])logs["LevelId"].Values)[0].ShouldBe(4);
        ((long[])logs["ProcessId"].Values)[0].ShouldBe(4242);
        ((long[])logs["TimeGenerated"].Values)[0].ShouldBe(T0.UtcTicks);

        var metrics = reader.ReadTable("AppMetrics");
        ((string?[])metrics["Name"].Values)[0].ShouldBe("MemoryWorkingSet");
        ((string?[])metrics["AppRoleName"].Values)[0].ShouldBe("func-oom-lab");
    }

    [Fact]
    public void Every_table_of_the_schema_has_the_columns_queries_use()
    {
        TelemetrySchema.Tables.Select(t => t.Name).ShouldBe(
            ["requests", "dependencies", "traces", "exceptions", "performanceCounters", "customMetrics", "FunctionAppLogs", "AppMetrics"]);
        TelemetrySchema.Tables.Where(t => t.Name[0] is >= 'a' and <= 'z')
            .ShouldAllBe(t => t.IndexOf("cloud_RoleName") >= 0 && t.IndexOf("timestamp") == 0);
        TelemetrySchema.AppMetrics.Columns[0].KqlType.ShouldBe("datetime");
        TelemetrySchema.Requests.Columns[TelemetrySchema.Requests.IndexOf("duration")].KqlType.ShouldBe("timespan");
    }

    [Fact]
    public async Task Many_items_are_all_written_in_order()
    {
        await using (var writer = TelemetryWriter.Open(path, Identity, new TelemetryWriterOptions(capacity: 100_000, batchSize: 500)))
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.Emit(Some.Trace($"message {i}", T0.AddTicks(i)));
            }

            await writer.FlushAsync();
            writer.Written.ShouldBe(20_000);
        }

        using var reader = TelemetryReader.Open(path);
        var traces = reader.ReadTable("traces");
        traces.RowCount.ShouldBe(20_000);
        ((string?[])traces["message"].Values)[19_999].ShouldBe("message 19999");
        ((long[])traces["timestamp"].Values).ShouldBe(Enumerable.Range(0, 20_000).Select(i => T0.UtcTicks + i).ToArray());
    }

    [Fact]
    public async Task A_full_buffer_drops_and_counts_instead_of_blocking()
    {
        var messages = new List<string>();
        SelfLog.Enable(message => { lock (messages) { messages.Add(message); } });
        try
        {
            await using var writer = TelemetryWriter.Open(path, Identity, new TelemetryWriterOptions(capacity: 1, batchSize: 1));
            for (var i = 0; i < 50_000; i++)
            {
                writer.Emit(Some.Trace("x"));
            }

            await writer.FlushAsync();
            writer.Dropped.ShouldBeGreaterThan(0);
            (writer.Dropped + writer.Written).ShouldBe(50_000);
        }
        finally
        {
            SelfLog.Enable(null);
        }

        messages.ShouldContain(m => m.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_is_self_logged_and_emit_goes_on()
    {
        var messages = new List<string>();
        SelfLog.Enable(message => { lock (messages) { messages.Add(message); } });
        try
        {
            await using var writer = TelemetryWriter.Open(path, Identity);
            using (var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                blocker.Open();
                using var drop = blocker.CreateCommand();
                drop.CommandText = "DROP TABLE traces;";
                drop.ExecuteNonQuery();
            }

            writer.Emit(Some.Trace("lost"));
            await writer.FlushAsync();
            writer.Emit(new MetricTelemetry(T0, "still works", 1));
            await writer.FlushAsync();

            writer.Failed.ShouldBe(1);
            writer.Written.ShouldBe(1);
        }
        finally
        {
            SelfLog.Enable(null);
        }

        messages.ShouldContain(m => m.Contains("writing 1 items failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flush_writes_at_once_without_waiting_out_the_linger()
    {
        // A linger far longer than the test's patience: a flush that waited for it would never finish in time.
        await using var writer = TelemetryWriter.Open(path, Identity, new TelemetryWriterOptions(linger: TimeSpan.FromHours(1)));
        writer.Emit(Some.Trace("first"));
        writer.Emit(Some.Trace("second"));

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        writer.Written.ShouldBe(2);
        using var reader = TelemetryReader.Open(path);
        reader.ReadTable(TelemetrySchema.Traces).RowCount.ShouldBe(2);
    }

    [Fact]
    public async Task Items_that_trickle_in_are_written_once_the_linger_is_up()
    {
        await using var writer = TelemetryWriter.Open(path, Identity, new TelemetryWriterOptions(linger: TimeSpan.FromMilliseconds(50)));
        writer.Emit(Some.Trace("alone"));

        for (var waited = 0; waited < 3_000 && writer.Written == 0; waited++)
        {
            await Task.Delay(10);
        }

        writer.Written.ShouldBe(1);
    }
}
