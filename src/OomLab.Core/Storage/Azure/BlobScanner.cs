using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using OomLab.Blobs;

namespace OomLab.Storage.Azure;

/// <summary>
/// The blob trigger's container scan: one instance per host id scans (it holds a lease on
/// <c>azure-webjobs-hosts/locks/&lt;hostId&gt;/WebJobs.Internal.Blobs</c>), the others wait to take over. Each round lists
/// the container and reports the versions whose LastModified is at or after the cursor and not reported before; the
/// cursor (<c>blobscaninfo/.../scanInfo</c>) moves to the first listing's service time less a second, so a blob
/// committed while a long listing runs is found by the next round, and is saved a minute late (<see cref="SaveCursorAsync"/>). Where oomlab differs from the Functions host: a round
/// every second (or ten times the last listing's time, when longer) instead of every 10 s, a 15 s lock instead of 60 s (a dead scanner's successor starts within about 16 s),
/// and no Storage Analytics log poll (Azurite writes no <c>$logs</c>).
/// </summary>
internal sealed class BlobScanner(AzureStorage storage, BlobContainerClient container, TimeProvider time) : IBlobDiscovery
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(15);

    /// <summary>How old a round's cursor must be before it is saved: by then the blobs that round reported are queued.</summary>
    private static readonly TimeSpan CursorLag = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, DateTimeOffset> reported = new(StringComparer.Ordinal);
    private readonly BlobContainerClient hosts = storage.Blobs.GetBlobContainerClient(AzureNames.HostsContainer);
    private DateTimeOffset cursor = DateTimeOffset.MinValue;
    private DateTimeOffset persisted = DateTimeOffset.MinValue;
    private readonly Queue<(long RoundStarted, DateTimeOffset Cursor)> unsaved = new();
    private volatile bool holdsLock;

    public Task Ready => ready.Task;

    /// <summary>
    /// A blob in the account is complete once committed, so none waits to be; but while another instance holds the scan
    /// lock this one cannot know the container is settled (that scanner may die with blobs claimed and not queued), so it
    /// counts one, and an instance stops when idle only once it has scanned itself: the last one standing does.
    /// </summary>
    public int Waiting => holdsLock ? 0 : 1;

    /// <summary>Whether this instance is the scanner now.</summary>
    public bool IsScanner => holdsLock;

    public async IAsyncEnumerable<BlobCandidate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lockBlob = hosts.GetBlobClient(storage.Names.ScanLock);
        var lease = lockBlob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        cursor = persisted = await ReadCursorAsync(cancellationToken);
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewLockAsync(lease, stopRenewing.Token);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var found = new List<BlobCandidate>();
                var roundStarted = time.GetTimestamp();
                var pause = Round;
                try
                {
                    holdsLock = holdsLock || await AcquireLockAsync(lockBlob, lease, cancellationToken);
                    if (holdsLock)
                    {
                        await SaveCursorAsync(cancellationToken);

                        await ScanAsync(found, cancellationToken);

                        // A large container is not listed over and over: the next round waits ten times this listing's time when that is longer.
                        pause = TimeSpan.FromTicks(Math.Max(Round.Ticks, time.GetElapsedTime(roundStarted).Ticks * 10));
                    }
                }
                catch (RequestFailedException ex)
                {
                    Telemetry.SelfLog.Write($"scan of container {container.Name}: {ex.Status} {ex.ErrorCode}; retrying");
                }
                catch (HttpRequestException ex)
                {
                    Telemetry.SelfLog.Write($"scan of container {container.Name}: {ex.Message}; retrying");
                }

                foreach (var candidate in found)
                {
                    yield return candidate;
                }

                ready.TrySetResult();
                try
                {
                    await Task.Delay(pause, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
            if (holdsLock)
            {
                try
                {
                    await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
                }
                catch (RequestFailedException)
                {
                    // Lost already: it expires on its own.
                }
            }
        }
    }

    /// <summary>
    /// Renews the held lock every 5 s on its own, not between rounds: the host queues a round's blobs while the scanner
    /// waits for it, and a lock lost meanwhile would let a second scanner start while this one is still queuing.
    /// </summary>
    private async Task RenewLockAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(LockDuration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!holdsLock)
                {
                    continue;
                }

                try
                {
                    await lease.RenewAsync(cancellationToken: cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    holdsLock = false;
                    Telemetry.SelfLog.Write($"instance {storage.Instance} lost the scan lock of host {storage.Names.HostId}");
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
                {
                    Telemetry.SelfLog.Write($"renewing the scan lock of host {storage.Names.HostId}: {ex.Message}; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> AcquireLockAsync(BlobClient lockBlob, BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await lease.AcquireAsync(LockDuration, cancellationToken: cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && attempt == 0)
            {
                // The first host of this id: create the lock blob, then take it.
                try
                {
                    await lockBlob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
                }
                catch (RequestFailedException exists) when (exists.Status is 409 or 412)
                {
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance scans.
                return false;
            }
        }
    }

    private async Task ScanAsync(List<BlobCandidate> found, CancellationToken cancellationToken)
    {
        DateTimeOffset? serviceTime = null;
        var now = time.GetUtcNow();
        await foreach (var page in container.GetBlobsAsync(cancellationToken: cancellationToken).AsPages())
        {
            serviceTime ??= page.GetRawResponse().Headers.Date;
            foreach (var item in page.Values)
            {
                var modified = item.Properties.LastModified ?? DateTimeOffset.MinValue;
                if (modified < cursor || item.Properties.ETag is not { } etag || item.Properties.ContentLength is not { } length)
                {
                    continue;
                }

                var key = item.Name + "\n" + etag;
                if (reported.ContainsKey(key))
                {
                    continue;
                }

                if (!BlobName.TryCreate(item.Name, out var name, out var error))
                {
                    Telemetry.SelfLog.Write(BlobMessages.InvalidName(item.Name, error));
                    reported[key] = modified;
                    continue;
                }

                reported[key] = modified;
                found.Add(new BlobCandidate(name, new BlobVersion(length, modified.UtcTicks), now) { ETag = etag.ToString() });
            }
        }

        if (serviceTime is { } start && start - TimeSpan.FromSeconds(1) > cursor)
        {
            cursor = start - TimeSpan.FromSeconds(1);
            unsaved.Enqueue((time.GetTimestamp(), cursor));
            foreach (var stale in reported.Where(r => r.Value < cursor).Select(r => r.Key).ToList())
            {
                reported.Remove(stale);
            }
        }
    }

    /// <summary>
    /// Saves the newest cursor of a round that began at least a minute ago. The host queues a round's blobs after the
    /// scanner has moved on, so a cursor saved at once could pass blobs a killed scanner never queued; a lagging one
    /// makes a successor report the last minute's blobs again, and their receipts keep them from being queued twice.
    /// </summary>
    private async Task SaveCursorAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? due = null;
        while (unsaved.TryPeek(out var round) && time.GetElapsedTime(round.RoundStarted) >= CursorLag)
        {
            due = unsaved.Dequeue().Cursor;
        }

        if (due is { } value && value > persisted)
        {
            await WriteCursorAsync(value, cancellationToken);
            persisted = value;
        }
    }

    private async Task<DateTimeOffset> ReadCursorAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await hosts.GetBlobClient(storage.Names.ScanInfo).DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize(content.Value.Content.ToString(), AzureJsonContext.Default.ScanInfo)?.LatestScan ?? DateTimeOffset.MinValue;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return DateTimeOffset.MinValue;
        }
        catch (JsonException)
        {
            Telemetry.SelfLog.Write($"{AzureNames.HostsContainer}/{storage.Names.ScanInfo} is not a scan cursor; scanning the whole container");
            return DateTimeOffset.MinValue;
        }
    }

    private Task WriteCursorAsync(DateTimeOffset value, CancellationToken cancellationToken) =>
        hosts.GetBlobClient(storage.Names.ScanInfo).UploadAsync(
            BinaryData.FromString(JsonSerializer.Serialize(new ScanInfo(value), AzureJsonContext.Default.ScanInfo)), overwrite: true, cancellationToken);
}
