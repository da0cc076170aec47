using System.Text;
using OomLab.Functions.Tests.Support;

namespace OomLab.Functions.Tests;

/// <summary>The lab scenarios' faulty functions do the real thing: retain, query, rasterise, as their telemetry says.</summary>
public sealed class ScenarioFunctionTests
{
    [Fact]
    public async Task SyncCustomerRecords_queries_sqlite_and_leaves_its_context_alive()
    {
        using var dir = new TempDirectory();
        var input = Write(dir, "orders.txt", 3000);
        var database = dir.Combine("customers.db");
        var function = new SyncCustomerRecords();

        var first = Context(input, dir, ("CUSTOMER_DB_PATH", database), ("SYNC_ROWS_PER_INVOCATION", "50"));
        await function.RunAsync(first);
        var second = Context(input, dir, ("CUSTOMER_DB_PATH", database), ("SYNC_ROWS_PER_INVOCATION", "50"));
        await function.RunAsync(second);

        var sql = second.Dependencies.ShouldHaveSingleItem();
        sql.Type.ShouldBe("SQL");
        sql.Success.ShouldBeTrue();
        sql.Properties!["RowCount"].ShouldBe("50");
        var alive = (int)Alive(first.Logs.Single());
        Alive(second.Logs.Single()).ShouldBe(alive + 1, "the first context was never disposed");
        second.Logs.Single().ShouldStartWith("DbContext opened for orders.txt (");
    }

    [Fact]
    public async Task EnrichOrderRecords_caches_a_snapshot_per_file_and_never_evicts()
    {
        using var dir = new TempDirectory();
        var function = new EnrichOrderRecords();
        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var context = Context(Write(dir, $"order-{Guid.NewGuid():N}.txt", 1000), dir, ("ENRICHMENT_SNAPSHOT_BYTES", "4096"));
            await function.RunAsync(context);
            var log = context.Logs.Single();
            counts.Add(int.Parse(log[(log.LastIndexOf('(') + 1)..log.IndexOf(" snapshots", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        }

        counts[1].ShouldBe(counts[0] + 1);
        counts[2].ShouldBe(counts[1] + 1);
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(9000, 2)]
    [InlineData(20000, 3)]
    public async Task RenderPdfActivity_rasterises_every_page_into_a_full_page_bitmap(int inputBytes, int pages)
    {
        using var dir = new TempDirectory();
        var context = Context(Write(dir, "invoice.pdf", inputBytes), dir, ("RENDER_DPI", "30"));

        await new RenderPdfActivity().RunAsync(context);

        context.Logs.Count.ShouldBe(pages);
        context.Logs.ShouldAllBe(m => m.Contains("PDF") && m.Contains("at 30 dpi: bitmap buffer 336600 bytes"));
        File.Exists(dir.Combine("out", "invoice.pdf.thumbnail.rgba")).ShouldBeTrue();
    }

    [Fact]
    public async Task RollupMeterReadings_reports_the_same_rollup_whatever_the_window_pool_state()
    {
        using var dir = new TempDirectory();
        var input = Write(dir, "meter.txt", 3 * 1024 * 1024);
        var function = new RollupMeterReadings();
        var reports = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var output = dir.Combine($"out{i}");
            var context = new FileBlobContext(input, output);
            context.Settings["ROLLUP_WINDOW_BYTES"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Settings["MAX_CONCURRENT_INVOCATIONS"] = "2";
            await function.RunAsync(context);
            reports.Add(await File.ReadAllTextAsync(Path.Combine(output, "meter.txt.rollup.txt")));
        }

        reports[0].ShouldStartWith("3145728 bytes of readings");
        reports[1].ShouldBe(reports[0], "a reused window starts clean");
    }

    private static long Alive(string log) =>
        long.Parse(log[(log.IndexOf('(') + 1)..log.IndexOf(" contexts", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private static FileBlobContext Context(string input, TempDirectory dir, params (string Key, string Value)[] settings)
    {
        var context = new FileBlobContext(input, dir.Combine("out"));
        foreach (var (key, value) in settings)
        {
            context.Settings[key] = value;
        }

        return context;
    }

    private static string Write(TempDirectory dir, string name, int bytes)
    {
        var path = dir.Combine(name);
        var line = Encoding.ASCII.GetBytes("{\"orderId\":1,\"sku\":\"SKU-00001\",\"qty\":3}\n");
        var content = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            content[i] = line[i % line.Length];
        }

        File.WriteAllBytes(path, content);
        return path;
    }
}
