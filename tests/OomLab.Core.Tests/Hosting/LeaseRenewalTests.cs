using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Memory;
using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Hosting;

public sealed class LeaseRenewalTests
{
    [Fact]
    public async Task An_invocation_slower_than_its_lease_keeps_the_lease_and_each_blob_runs_once()
    {
        // Every call to the service takes 2 s, five times the 400 ms lease: without renewal each blob's lease
        // expires mid-run and the dispatcher leases it again.
        await using var service = new SlowService(TimeSpan.FromSeconds(2));
        using var root = new TempDirectory();
        var blobs = Enumerable.Range(1, 4).Select(i => $"order-{i}").ToList();
        foreach (var blob in blobs)
        {
            root.Write($"input/{blob}.json", blob);
        }

        var (command, prefix) = OomLabExecutable.Command;
        var options = new FunctionHostOptions(
            new RootLayout(root.Path), new OomLab.Workers.Stdio.StdioTransport(command, prefix, OomLabExecutable.SampleFunctions), "SubmitOrderToFulfillment",
            MemoryCeiling.Custom(1024 * Some.MiB), HostSettings.Default)
        {
            LeaseDuration = TimeSpan.FromMilliseconds(400),
            StopWhenIdleFor = TimeSpan.FromSeconds(1),
            AppSettings = new Dictionary<string, string>
            {
                ["FULFILLMENT_URL"] = service.Url.ToString(),
                ["FULFILLMENT_TIMEOUT_MS"] = "30000",
            },
        };
        var sink = new CollectingSink();

        await new FunctionHost(options, sink, TimeProvider.System).RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

        service.Received.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(blobs.Select(b => KeyValuePair.Create(b, 1)));
        var requests = sink.Items.OfType<RequestTelemetry>().ToList();
        requests.Count.ShouldBe(blobs.Count);
        requests.ShouldAllBe(r => r.Success);
    }
}
