using System.Text.Json;
using OomLab.Blobs;
using OomLab.Cli.Tests.Support;
using OomLab.Queue;

namespace OomLab.Cli.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Shows_counts_per_state_and_the_poison_list_with_reasons()
    {
        MakeQueue();

        var result = await OomLabCli.RunAsync("status", "--root", root.Path);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("queued");
        result.Stdout.ShouldContain("poison");
        result.Stdout.ShouldContain("huge[x].bin");
        result.Stdout.ShouldContain("payload guard: 16GiB > 64MiB");
    }

    [Fact]
    public async Task Json_output_has_the_counts_and_reasons()
    {
        MakeQueue();

        var result = await OomLabCli.RunAsync("status", "--root", root.Path, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        json.GetProperty("queued").GetInt64().ShouldBe(3);
        json.GetProperty("leased").GetInt64().ShouldBe(0);
        json.GetProperty("done").GetInt64().ShouldBe(1);
        json.GetProperty("poison").GetInt64().ShouldBe(1);
        json.GetProperty("receipts").GetInt64().ShouldBe(1);
        var poisoned = json.GetProperty("poisonList")[0];
        poisoned.GetProperty("blob").GetString().ShouldBe("huge[x].bin");
        poisoned.GetProperty("reason").GetString().ShouldBe("payload guard: 16GiB > 64MiB");
    }

    [Fact]
    public async Task A_root_without_a_queue_is_exit_code_2_with_a_clear_error()
    {
        var result = await OomLabCli.RunAsync("status", "--root", root.Path);

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain(QueueMessages.NoQueue(new RootLayout(root.Path).QueuePath));
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var result = await OomLabCli.RunAsync("status", "--root", root.Path, "--format", "xml");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("xml");
    }

    private void MakeQueue()
    {
        var at = new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);
        using var queue = BlobQueue.Open(new RootLayout(root.Path).QueuePath);
        queue.EnqueueMany(new[] { "a.txt", "b.txt", "c.txt", "d.txt", "huge[x].bin" }
            .Select(name => new BlobCandidate(BlobName.Create(name), new BlobVersion(10, 1), at)));
        var leased = queue.Lease(2, TimeSpan.FromMinutes(1));
        queue.Complete([new Completion(leased[0], "inv-1", ["output/a.txt"])]);
        queue.Abandon([leased[1]]);
        var rest = queue.Lease(10, TimeSpan.FromMinutes(1));
        queue.Poison(rest.Single(m => m.Name.Value == "huge[x].bin"), "payload guard: 16GiB > 64MiB");
        queue.Abandon(rest.Where(m => m.Name.Value != "huge[x].bin"));
    }
}
