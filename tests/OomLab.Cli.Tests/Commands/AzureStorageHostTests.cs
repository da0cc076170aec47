using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host --storage</c> against a real Azurite: several real host processes share one account as scaled-out
/// instances do (one scanner, one internal queue, receipts), survive a kill -9 of one of them, poison with the reason,
/// and refuse bad accounts with a clear error.
/// </summary>
public sealed class AzureStorageHostTests
{
    private const string Hosts = "azure-webjobs-hosts";

    [Fact]
    public async Task Two_instances_complete_500_blobs_exactly_once_even_when_one_is_killed_mid_run()
    {
        await using var azurite = await Azurite.StartAsync();
        var load = await OomLabCli.RunAsync("load", "--storage", azurite.ConnectionString, "--count", "500", "--size", "4KiB..24KiB", "--prefix", "orders/");
        load.ExitCode.ShouldBe(0, load.ToString());
        azurite.List("input").Count.ShouldBe(500);

        using var first = new TempDirectory();
        using var second = new TempDirectory();
        string[] Args(TempDirectory root, string instance) =>
        [
            "host", "--storage", azurite.ConnectionString, "--root", root.Path, "--instance", instance, "--function", "BlobStreamProcessor",
            "--ceiling", "512MiB", "--lease", "5s", "--until-idle", "3s", "--setting", "BLOB_BATCH_SIZE=2", "--setting", "MAX_CONCURRENT_INVOCATIONS=2",
        ];

        // The first instance is killed -9 once some, not all, of the outputs are in the account; the second finishes,
        // including the blobs the first had leased, once their 5 s visibility timeout has passed.
        var survivor = OomLabCli.RunAsync(Args(second, "instance-b"), timeout: TimeSpan.FromMinutes(4));
        using (var victim = OomLabCli.Start(Args(first, "instance-a")))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (azurite.List("output").Count < 200 && DateTime.UtcNow < deadline && !victim.HasExited)
            {
                await Task.Delay(50);
            }

            victim.HasExited.ShouldBeFalse("instance-a ended before it could be killed");
            victim.Kill(entireProcessTree: false);
            await victim.WaitForExitAsync();
        }

        azurite.List("output").Count.ShouldBeLessThan(1000, "the kill came too late to prove anything");
        var result = await survivor;
        result.ExitCode.ShouldBe(0, result.ToString());

        // Known gap (docs/STORAGE.md): in about one run in six the survivor stops by --until-idle while some messages the
        // killed instance queued are still in the queue. An instance started afterwards, as a restarted one would be,
        // finishes them; what must hold is that nothing is lost and nothing completes twice.
        using var third = new TempDirectory();
        var restarted = await OomLabCli.RunAsync(Args(third, "instance-c"), timeout: TimeSpan.FromMinutes(3));
        restarted.ExitCode.ShouldBe(0, restarted.ToString());

        // Every blob has its output, byte for byte, and one receipt marked done by one invocation.
        var input = azurite.Blobs.GetBlobContainerClient("input");
        var output = azurite.Blobs.GetBlobContainerClient("output");
        var outputs = azurite.List("output").ToHashSet(StringComparer.Ordinal);
        var missing = azurite.List("input").Where(n => !outputs.Contains(n) || !outputs.Contains(n + ".result.json")).ToList();
        missing.ShouldBeEmpty($"{missing.Count} blobs have no output ({Describe(azurite, missing)}); survivor: {result}");
        foreach (var name in azurite.List("input"))
        {
            Sha256(output.GetBlobClient(name).DownloadContent().Value.Content).ShouldBe(
                Sha256(input.GetBlobClient(name).DownloadContent().Value.Content), $"{name}'s output differs from its input");
        }

        var receipts = azurite.Blobs.GetBlobContainerClient(Hosts)
            .GetBlobs(BlobTraits.Metadata, BlobStates.None, "blobreceipts/oomlab-app/Host.Functions.BlobStreamProcessor/", CancellationToken.None)
            .ToList();
        receipts.Count.ShouldBe(500);
        receipts.ShouldAllBe(r => r.Metadata.ContainsKey("InvocationId") && !r.Metadata.ContainsKey("Incomplete"));
        receipts.Select(r => r.Name.Split('/', 5)[4]).ShouldBe(azurite.List("input").Select(n => "input/" + n), ignoreOrder: true);

        var queue = azurite.Queues.GetQueueClient("azure-webjobs-blobtrigger-oomlab-app");
        queue.GetProperties().Value.ApproximateMessagesCount.ShouldBe(0);
        azurite.Queues.GetQueueClient("webjobs-blobtrigger-poison").GetProperties().Value.ApproximateMessagesCount.ShouldBe(0);
        azurite.List(Hosts, "locks/").ShouldBe(["locks/oomlab-app/WebJobs.Internal.Blobs"]);

        // Each instance wrote its own store under its own name, and both completed blobs. The survivor's receipts are all
        // invocations that succeeded in its store; the killed one's store may lack the rows it had not yet written.
        var byInstance = receipts.GroupBy(r => r.Metadata["Instance"]).ToDictionary(g => g.Key, g => g.Select(r => r.Metadata["InvocationId"]).ToList());
        byInstance.Keys.ShouldContain("instance-a");
        byInstance.Keys.ShouldContain("instance-b");
        using (var store = new TelemetryDb(Path.Combine(second.Path, ".oomlab", "telemetry.db")))
        {
            store.Strings("SELECT DISTINCT cloud_RoleInstance FROM requests").ShouldBe(["instance-b"]);
            var succeeded = store.Strings("SELECT operation_Id FROM requests WHERE success = 1").ToHashSet(StringComparer.Ordinal);
            byInstance["instance-b"].ShouldAllBe(id => succeeded.Contains(id));
        }

        using (var store = new TelemetryDb(Path.Combine(first.Path, ".oomlab", "telemetry.db")))
        {
            store.Strings("SELECT DISTINCT cloud_RoleInstance FROM traces").ShouldBe(["instance-a"]);
        }
    }

    [Fact]
    public async Task A_blob_that_fails_every_time_is_poisoned_after_max_dequeue_count_with_its_reason()
    {
        await using var azurite = await Azurite.StartAsync();
        (await OomLabCli.RunAsync("load", "--storage", azurite.ConnectionString, "--count", "3", "--size", "1KiB")).ExitCode.ShouldBe(0);
        (await OomLabCli.RunAsync("load", "--storage", azurite.ConnectionString, "--count", "1", "--size", "128MiB", "--prefix", "huge-")).ExitCode.ShouldBe(0);
        using var root = new TempDirectory();

        // The buffering function under a 160 MiB ceiling: the 128 MiB blob gets its worker killed over the ceiling each time.
        var result = await OomLabCli.RunAsync(
            ["host", "--storage", azurite.ConnectionString, "--root", root.Path, "--ceiling", "160MiB", "--heap-limit", "off", "--until-idle", "3s",
                "--setting", "AzureFunctionsJobHost__extensions__queues__maxDequeueCount=2"],
            timeout: TimeSpan.FromMinutes(3));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("done 3, poison 1");
        var poison = azurite.Queues.GetQueueClient("webjobs-blobtrigger-poison").PeekMessages(32).Value;
        poison.Length.ShouldBe(1);
        using var message = JsonDocument.Parse(poison[0].Body.ToString());
        message.RootElement.GetProperty("Type").GetString().ShouldBe("BlobTrigger");
        message.RootElement.GetProperty("BlobName").GetString().ShouldBe("huge-blob-000001.txt");
        message.RootElement.GetProperty("DequeueCount").GetInt32().ShouldBe(2);
        message.RootElement.GetProperty("PoisonReason").GetString()!.ShouldContain("was killed over the memory ceiling (custom 160 MiB) and exited with code 137");

        var status = await OomLabCli.RunAsync("status", "--storage", azurite.ConnectionString, "--format", "json");
        status.ExitCode.ShouldBe(0, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        json.RootElement.GetProperty("done").GetInt64().ShouldBe(3);
        json.RootElement.GetProperty("poison").GetInt64().ShouldBe(1);
        json.RootElement.GetProperty("poisonList")[0].GetProperty("reason").GetString()!.ShouldContain("killed over the memory ceiling");
    }

    [Fact]
    public async Task A_dotnet_app_with_a_stream_trigger_reads_its_blob_in_the_worker_and_its_memory_stays_flat()
    {
        await using var azurite = await Azurite.StartAsync();
        var peaks = new List<long>();
        foreach (var (size, prefix) in new[] { ("16MiB", "small-"), ("128MiB", "large-") })
        {
            (await OomLabCli.RunAsync("load", "--storage", azurite.ConnectionString, "--container", "uploads", "--count", "1", "--size", size, "--prefix", prefix)).ExitCode.ShouldBe(0);
            using var root = new TempDirectory();
            var result = await OomLabCli.RunAsync(
                ["host", "--storage", azurite.ConnectionString, "--root", root.Path, "--app", IsolatedApp.Directory, "--function", "ScanDeferred", "--until-idle", "2s"],
                timeout: TimeSpan.FromMinutes(3));
            result.ExitCode.ShouldBe(0, result.ToString());
            result.Stderr.ShouldContain("deferred binding: its worker reads each blob from the storage account itself (connection setting AzureWebJobsStorage)");
            result.Stdout.ShouldContain("this run: 1 succeeded");

            // The worker read the whole blob from the account (its own log line has the right length and hash); the host read none of it.
            var name = prefix + "blob-000001.txt";
            var blob = azurite.Blobs.GetBlobContainerClient("uploads").GetBlobClient(name);
            string expected;
            await using (var content = await blob.OpenReadAsync())
            {
                expected = Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
            }

            using var store = new TelemetryDb(Path.Combine(root.Path, ".oomlab", "telemetry.db"));
            store.Strings("SELECT message FROM traces WHERE message LIKE 'Scanned %'")
                .ShouldBe([$"Scanned {name}: {(await blob.GetPropertiesAsync()).Value.ContentLength} bytes, sha256 {expected}"]);
            store.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBe(0);
            store.Count("SELECT count(*) FROM performanceCounters WHERE name = 'Working Set'").ShouldBeGreaterThan(0);
            peaks.Add(store.Count("SELECT max(value) FROM performanceCounters WHERE name = 'Working Set'"));
        }

        // The blob grew by 112 MiB; the worker's peak working set by far less than that.
        (peaks[1] - peaks[0]).ShouldBeLessThan(40L << 20, $"peaks {peaks[0] >> 20} MiB and {peaks[1] >> 20} MiB");
    }

    [Fact]
    public async Task A_bad_connection_string_an_unreachable_account_and_a_missing_container_are_clear_errors()
    {
        using var root = new TempDirectory();
        var bad = await OomLabCli.RunAsync("host", "--storage", "AccountName=x;nonsense", "--root", root.Path, "--until-idle", "1s");
        bad.ExitCode.ShouldBe(2, bad.ToString());
        bad.Stderr.ShouldContain("--storage: not a storage connection string");

        // A port nothing listens on: refused at once, retried a few times, then a clear error (never a hang).
        var port = OomLab.Hosting.LoopbackPort.Free();
        var nowhere = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var unreachable = await OomLabCli.RunAsync(["host", "--storage", nowhere, "--root", root.Path, "--until-idle", "1s"], timeout: TimeSpan.FromMinutes(1));
        unreachable.ExitCode.ShouldBe(2, unreachable.ToString());
        unreachable.Stderr.ShouldContain($"cannot reach the storage account at http://127.0.0.1:{port}/devstoreaccount1");

        await using var azurite = await Azurite.StartAsync();
        var missing = await OomLabCli.RunAsync("host", "--storage", azurite.ConnectionString, "--root", root.Path, "--until-idle", "1s");
        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain("container 'input' does not exist in storage account devstoreaccount1");
        var status = await OomLabCli.RunAsync("status", "--storage", azurite.ConnectionString, "--app-name", "never-ran");
        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("has no queue azure-webjobs-blobtrigger-never-ran");
        foreach (var run in new[] { bad, unreachable, missing, status })
        {
            run.Stderr.ShouldNotContain("   at ");
        }
    }

    /// <summary>Each blob's receipt state, for a failure message.</summary>
    private static string Describe(Azurite azurite, IEnumerable<string> names)
    {
        var receipts = azurite.Blobs.GetBlobContainerClient(Hosts)
            .GetBlobs(BlobTraits.Metadata, BlobStates.None, "blobreceipts/", CancellationToken.None)
            .ToDictionary(r => r.Name.Split('/', 5)[4], r => string.Join(",", r.Metadata.Select(m => $"{m.Key}={m.Value}")), StringComparer.Ordinal);
        return string.Join("; ", names.Take(5).Select(n => $"{n}: {(receipts.TryGetValue("input/" + n, out var state) ? "receipt [" + state + "]" : "no receipt")}"))
            + $"; queue {azurite.Queues.GetQueueClient("azure-webjobs-blobtrigger-oomlab-app").GetProperties().Value.ApproximateMessagesCount}";
    }

    private static string Sha256(BinaryData data) => Convert.ToHexStringLower(SHA256.HashData(data.ToMemory().Span));
}
