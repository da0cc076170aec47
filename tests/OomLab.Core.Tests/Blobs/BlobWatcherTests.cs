using OomLab.Blobs;
using OomLab.Tests.Support;

namespace OomLab.Tests.Blobs;

public sealed class BlobWatcherTests : IDisposable
{
    // Generous: the tests assert what is found, never how fast; the wait only bounds a failing test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory root = new();
    private readonly BlobContainer container;

    public BlobWatcherTests() => container = new BlobContainer(new RootLayout(root.Path), ContainerName.Create("input"));

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_blob_renamed_into_place_is_reported_once_with_its_version()
    {
        // The quiet period only matters if notifications are lost (a machine out of inotify instances): then the
        // reconciling scan still finds the blob once it has been quiet that long.
        await using var watch = Watch(new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromSeconds(3)));
        await watch.Started;

        WriteByRename("batch/a.txt", 4096);

        var candidate = await watch.NextAsync(Patience);
        candidate.Name.Value.ShouldBe("batch/a.txt");
        candidate.Length.ShouldBe(4096);
        candidate.Version.ShouldBe(BlobVersion.Of(new FileInfo(container.GetPath(candidate.Name))));
    }

    [Theory]
    [InlineData(0, 2000)]
    [InlineData(150, 2000)]
    [InlineData(200, 2000)]
    [InlineData(450, 4500)]
    [InlineData(4000, 40000)]
    public void A_container_slow_to_scan_is_rescanned_at_ten_times_the_scan_time(int scanMs, int nextMs)
    {
        // A million blobs take seconds to list: rescanning them every 2 s would leave discovery nothing else to do.
        var options = new BlobDiscoveryOptions(reconcileInterval: TimeSpan.FromSeconds(2));

        options.ReconcileAfter(TimeSpan.FromMilliseconds(scanMs)).ShouldBe(TimeSpan.FromMilliseconds(nextMs));
    }

    [Fact]
    public async Task A_slowly_appended_blob_is_reported_only_after_it_stops_changing()
    {
        // The writer's pauses (50 ms) stay far below the quiet period even on a loaded machine.
        await using var watch = Watch(new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromSeconds(2)));
        await watch.Started;
        var path = Path.Combine(container.DirectoryPath, "slow.txt");

        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            for (var i = 0; i < 8; i++)
            {
                await stream.WriteAsync(new byte[1000]);
                await stream.FlushAsync();
                await Task.Delay(50);
                watch.Received.ShouldBeEmpty();
            }
        }

        var candidate = await watch.NextAsync(Patience);
        candidate.Name.Value.ShouldBe("slow.txt");
        candidate.Length.ShouldBe(8000);
    }

    [Fact]
    public async Task Blobs_added_while_not_watching_are_found_by_the_start_scan()
    {
        WriteByRename("before-1.txt", 10);
        await using (var first = Watch())
        {
            (await first.NextAsync(Patience)).Name.Value.ShouldBe("before-1.txt");
        }

        WriteByRename("while-stopped/2.txt", 20);
        File.SetLastWriteTimeUtc(Path.Combine(container.DirectoryPath, "while-stopped/2.txt"), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        await using var second = Watch();
        var found = new[] { await second.NextAsync(Patience), await second.NextAsync(Patience) }.Select(c => c.Name.Value).Order();
        found.ShouldBe(["before-1.txt", "while-stopped/2.txt"]);
    }

    [Fact]
    public async Task Work_in_progress_and_refused_names_are_never_reported()
    {
        await using var watch = Watch(new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromMilliseconds(50)));
        await watch.Started;

        File.WriteAllText(Path.Combine(container.DirectoryPath, "a.tmp"), "x");
        File.WriteAllText(Path.Combine(container.DirectoryPath, ".hidden"), "x");
        File.WriteAllText(Path.Combine(container.DirectoryPath, "bad\u0001name.txt"), "x");
        WriteByRename("good.txt", 3);

        (await watch.NextAsync(Patience)).Name.Value.ShouldBe("good.txt");
        await Task.Delay(500);
        watch.Received.Select(c => c.Name.Value).ShouldBe(["good.txt"]);
        watch.Watcher.RejectedNames.ShouldBe(1);
        File.ReadAllText(Path.Combine(container.DirectoryPath, "bad\u0001name.txt")).ShouldBe("x");
    }

    [Fact]
    public async Task A_file_moved_in_from_another_folder_is_complete_at_once()
    {
        await using var watch = Watch(new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromHours(1)));
        await watch.Started;
        var elsewhere = root.Combine("elsewhere.txt");
        File.WriteAllText(elsewhere, "written before");
        File.SetLastWriteTimeUtc(elsewhere, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        File.Move(elsewhere, Path.Combine(container.DirectoryPath, "moved.txt"));

        (await watch.NextAsync(Patience)).Name.Value.ShouldBe("moved.txt");
    }

    [Fact]
    public async Task A_rewritten_blob_is_a_new_version()
    {
        await using var watch = Watch();
        await watch.Started;
        WriteByRename("a.txt", 10);
        var first = await watch.NextAsync(Patience);

        WriteByRename("a.txt", 11);

        var second = await watch.NextAsync(Patience);
        second.Name.ShouldBe(first.Name);
        second.Version.ShouldNotBe(first.Version);
    }

    [Fact]
    public async Task Many_blobs_arriving_at_once_are_all_reported()
    {
        await using var watch = Watch();
        await watch.Started;

        for (var i = 0; i < 2000; i++)
        {
            WriteByRename($"burst/{i:D4}.txt", 16);
        }

        var names = new HashSet<string>();
        while (names.Count < 2000)
        {
            names.Add((await watch.NextAsync(Patience)).Name.Value);
        }

        names.Count.ShouldBe(2000);
    }

    private void WriteByRename(string name, int length)
    {
        var target = Path.Combine(container.DirectoryPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".tmp");
        File.WriteAllBytes(temp, new byte[length]);
        File.Move(temp, target, overwrite: true);
    }

    private WatchSession Watch(BlobDiscoveryOptions? options = null) => new(new BlobWatcher(container, options));

    /// <summary>Runs a watch in the background and hands out what it reports.</summary>
    private sealed class WatchSession : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly System.Threading.Channels.Channel<BlobCandidate> seen = System.Threading.Channels.Channel.CreateUnbounded<BlobCandidate>();
        private readonly List<BlobCandidate> received = [];
        private readonly Task running;

        public WatchSession(BlobWatcher watcher)
        {
            Watcher = watcher;
            running = Task.Run(async () =>
            {
                try
                {
                    await foreach (var candidate in watcher.WatchAsync(stop.Token))
                    {
                        lock (received)
                        {
                            received.Add(candidate);
                        }

                        seen.Writer.TryWrite(candidate);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        public BlobWatcher Watcher { get; }

        public Task Started => Watcher.Ready.WaitAsync(Patience);

        public IReadOnlyList<BlobCandidate> Received
        {
            get
            {
                lock (received)
                {
                    return received.ToArray();
                }
            }
        }

        public async Task<BlobCandidate> NextAsync(TimeSpan patience) =>
            await seen.Reader.ReadAsync().AsTask().WaitAsync(patience);

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await running;
            stop.Dispose();
        }
    }
}
