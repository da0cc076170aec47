using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry;

/// <summary>The store as KQL tables: columns read ahead in one pass per table hold what reading them one by one gives.</summary>
[Collection(SelfLogCollection.Name)]
public sealed class TelemetryTableSourceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Some.T0;
    private readonly TempDirectory directory = new();
    private readonly string path;

    public TelemetryTableSourceTests() => path = directory.Combine("telemetry.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Prefetched_columns_hold_the_same_cells_as_columns_read_when_first_queried()
    {
        await using (var writer = TelemetryWriter.Open(path, new TelemetryIdentity("func-oom-lab", "instance-0")))
        {
            for (var i = 0; i < 50; i++)
            {
                var props = new Dictionary<string, string> { ["ContentLengthBytes"] = (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), ["é"] = "ü" };
                writer.Emit(new RequestTelemetry(T0.AddSeconds(i), $"req-{i}", i % 2 == 0 ? "BlobBufferProcessor" : string.Empty, i % 3 == 0, "200", TimeSpan.FromMilliseconds(i), $"op-{i % 5}", props));
                writer.Emit(new AppMetricTelemetry(T0.AddSeconds(i), "PrivateBytes", i * 1.5, new Dictionary<string, string> { ["ProcessId"] = "7" }));
                writer.Emit(Some.Trace(i % 4 == 0 ? "Worker process exited with code 137" : $"message {i}", T0.AddSeconds(i)));
            }
        }

        using var lazy = TelemetryTableSource.Open(path);
        using var prefetched = TelemetryTableSource.Open(path);
        prefetched.Prefetch(TelemetrySchema.Tables.SelectMany(t => t.Columns.Select(c => (t.Name, c.Name))));

        foreach (var name in new[] { "requests", "AppMetrics", "traces" })
        {
            lazy.TryGetTable(name, out var expected).ShouldBeTrue();
            prefetched.TryGetTable(name, out var actual).ShouldBeTrue();
            actual.RowCount.ShouldBe(50);
            for (var c = 0; c < expected.Columns.Count; c++)
            {
                var cells = Enumerable.Range(0, 50).Select(r => Text(actual.Columns[c].GetValue(r))).ToList();
                cells.ShouldBe(Enumerable.Range(0, 50).Select(r => Text(expected.Columns[c].GetValue(r))).ToList(), $"{name}.{expected.Columns[c].Name}");
            }
        }

        // And the same values as the data reader's whole-table read.
        using var reader = TelemetryReader.Open(path);
        var requests = reader.ReadTable("requests");
        prefetched.TryGetTable("requests", out var table).ShouldBeTrue();
        foreach (var column in new[] { "name", "customDimensions", "operation_Id", "duration", "success", "timestamp" })
        {
            var data = requests[column];
            var expected = Enumerable.Range(0, 50).Select(r => data.IsNull(r) ? null : data.Values.GetValue(r)).ToList();
            var actual = table.Column(column)!;
            for (var r = 0; r < 50; r++)
            {
                var cell = actual.GetValue(r);
                (cell switch
                {
                    DateTime time => time.Ticks,
                    TimeSpan span => span.Ticks,
                    System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
                    _ => cell,
                })?.ToString().ShouldBe(expected[r] is string json && column == "customDimensions" ? System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString() : expected[r]?.ToString(), $"requests.{column}[{r}]");
            }
        }

        static string Text(object? value) => value switch
        {
            null => "<null>",
            System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
