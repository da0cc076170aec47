using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OomLab.Telemetry;

namespace OomLab.Blobs;

/// <summary>
/// Discovers complete blobs in a container within milliseconds: file-system notifications, plus a full
/// scan at start and every <see cref="BlobDiscoveryOptions.ReconcileInterval"/> (less often for a container
/// that takes long to scan) so that nothing is
/// missed across restarts or notification overflows. A file that appears by rename is complete at once;
/// one written in place is complete after <see cref="BlobDiscoveryOptions.QuietPeriod"/> without change;
/// one that appears with a last-write time older than the quiet period (moved in from another folder) is
/// complete at once.
/// The same version is reported once per watch; the queue makes re-reports across restarts harmless.
/// Files whose names are not valid blob names are refused (self-logged, counted) and never touched.
/// </summary>
internal sealed partial class BlobWatcher : Storage.IBlobDiscovery
{
    private readonly BlobContainer container;
    private readonly BlobDiscoveryOptions options;
    private readonly TimeProvider timeProvider;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int rejectedNames;
    private int waiting;

    public BlobWatcher(BlobContainer container, BlobDiscoveryOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
        this.options = options ?? BlobDiscoveryOptions.Default;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Completes once the first watch has its notifications on and has finished its start scan.</summary>
    public Task Ready => ready.Task;

    /// <summary>Files refused so far because their names are not valid blob names.</summary>
    public int RejectedNames => Volatile.Read(ref rejectedNames);

    /// <summary>Files seen but not reported yet: written in place, they wait out the quiet period (<see cref="BlobDiscoveryOptions.QuietPeriod"/>).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Reports complete blob versions until cancelled; a single consumer.</summary>
    public async IAsyncEnumerable<BlobCandidate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var output = Channel.CreateBounded<BlobCandidate>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watcher = CreateFileSystemWatcher(events.Writer);
        var loop = new DiscoveryLoop(this, events.Reader, output.Writer);
        var running = loop.RunAsync(stop.Token);
        try
        {
            await foreach (var candidate in output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return candidate;
            }
        }
        finally
        {
            watcher.EnableRaisingEvents = false;
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private FileSystemWatcher CreateFileSystemWatcher(ChannelWriter<WatchEvent> events)
    {
        var watcher = new FileSystemWatcher(container.DirectoryPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => events.TryWrite(new WatchEvent(WatchEventKind.Changed, e.FullPath));
        watcher.Changed += (_, e) => events.TryWrite(new WatchEvent(WatchEventKind.Changed, e.FullPath));
        watcher.Renamed += (_, e) => events.TryWrite(new WatchEvent(WatchEventKind.Complete, e.FullPath));
        watcher.Deleted += (_, e) => events.TryWrite(new WatchEvent(WatchEventKind.Deleted, e.FullPath));
        watcher.Error += (_, e) =>
        {
            SelfLog.Write($"blob discovery: notifications for {container.DirectoryPath} failed ({e.GetException().Message}); rescanning");
            events.TryWrite(new WatchEvent(WatchEventKind.Rescan, container.DirectoryPath));
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Reject(string path, string reason)
    {
        Interlocked.Increment(ref rejectedNames);
        SelfLog.Write($"blob discovery: {BlobMessages.InvalidName(path, reason)}");
    }

    private enum WatchEventKind
    {
        Changed,
        Complete,
        Deleted,
        Rescan,
    }

    private readonly record struct WatchEvent(WatchEventKind Kind, string FullPath);
}
