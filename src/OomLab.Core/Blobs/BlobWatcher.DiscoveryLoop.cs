using System.IO.Enumeration;
using System.Threading.Channels;
using OomLab.Telemetry;

namespace OomLab.Blobs;

internal sealed partial class BlobWatcher
{
    /// <summary>All discovery state, owned by one loop: no locks.</summary>
    private sealed class DiscoveryLoop(BlobWatcher owner, ChannelReader<WatchEvent> events, ChannelWriter<BlobCandidate> output)
    {
        private static readonly EnumerationOptions ScanOptions = new()
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            // Hidden covers names starting with '.' on Unix (.staging, .x.tmp); symlinks could lead out of the container.
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint | FileAttributes.System,
        };

        /// <summary>What a listed file's stat reads when the file is gone: no length, the file-time origin (1601).</summary>
        private static readonly BlobVersion Vanished = new(0, DateTimeOffset.FromFileTime(0).UtcTicks);

        private readonly Dictionary<string, BlobVersion> reported = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Pending> pending = new(StringComparer.Ordinal);
        private readonly HashSet<string> refused = new(StringComparer.Ordinal);
        private readonly TimeProvider time = owner.timeProvider;
        private readonly BlobDiscoveryOptions options = owner.options;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                var nextReconcile = await ReconcileAsync(cancellationToken);
                Volatile.Write(ref owner.waiting, pending.Count);
                owner.ready.TrySetResult();
                Task<bool>? waiting = null;
                while (!cancellationToken.IsCancellationRequested)
                {
                    while (events.TryRead(out var e))
                    {
                        await HandleAsync(e, cancellationToken);
                    }

                    var now = time.GetUtcNow();
                    if (now >= nextReconcile)
                    {
                        nextReconcile = await ReconcileAsync(cancellationToken);
                    }

                    if (pending.Count > 0)
                    {
                        await CheckPendingAsync(cancellationToken);
                    }

                    Volatile.Write(ref owner.waiting, pending.Count);

                    var wait = nextReconcile - time.GetUtcNow();
                    if (pending.Count > 0 && options.QuietCheckInterval < wait)
                    {
                        wait = options.QuietCheckInterval;
                    }

                    waiting ??= events.WaitToReadAsync(cancellationToken).AsTask();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.WhenAny(waiting, Task.Delay(wait, time, cancellationToken));
                    }

                    if (waiting.IsCompleted)
                    {
                        if (!await waiting)
                        {
                            break;
                        }

                        waiting = null;
                    }
                }

                output.TryComplete();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.TryComplete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The container itself is gone or unreadable: the consumer must learn it, not wait forever.
                output.TryComplete(ex);
            }
        }

        private async ValueTask HandleAsync(WatchEvent e, CancellationToken cancellationToken)
        {
            switch (e.Kind)
            {
                case WatchEventKind.Deleted:
                    reported.Remove(e.FullPath);
                    pending.Remove(e.FullPath);
                    break;
                case WatchEventKind.Rescan:
                    await ScanAsync(e.FullPath, fullScan: e.FullPath == owner.container.DirectoryPath, cancellationToken);
                    break;
                default:
                    if (Directory.Exists(e.FullPath))
                    {
                        // A folder created or moved in: files may have landed before its notifications started.
                        await ScanAsync(e.FullPath, fullScan: false, cancellationToken);
                    }
                    else if (TryName(e.FullPath, out var name) && Stat(e.FullPath) is { } version)
                    {
                        if (e.Kind == WatchEventKind.Complete || IsQuiet(version))
                        {
                            await ReportAsync(e.FullPath, name, version, cancellationToken);
                        }
                        else
                        {
                            Watch(e.FullPath, name, version);
                        }
                    }

                    break;
            }
        }

        /// <summary>Scans the whole container; returns when the next reconciling scan is due.</summary>
        private async ValueTask<DateTimeOffset> ReconcileAsync(CancellationToken cancellationToken)
        {
            var began = time.GetTimestamp();
            await ScanAsync(owner.container.DirectoryPath, fullScan: true, cancellationToken);
            return time.GetUtcNow() + options.ReconcileAfter(time.GetElapsedTime(began));
        }

        private async ValueTask ScanAsync(string directory, bool fullScan, CancellationToken cancellationToken)
        {
            if (!Directory.Exists(directory))
            {
                if (directory == owner.container.DirectoryPath)
                {
                    throw new DirectoryNotFoundException($"container folder {directory} no longer exists");
                }

                return;
            }

            var seen = fullScan ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (var (path, version) in Files(directory))
            {
                if (version == Vanished)
                {
                    continue; // Deleted between the listing and its stat (a processed blob swept away): nothing to report.
                }

                seen?.Add(path);

                // Checked first: the reconcile scan finds mostly blobs already reported, whose names were valid then.
                if (reported.TryGetValue(path, out var known) && known == version)
                {
                    continue;
                }

                if (!TryName(path, out var name))
                {
                    continue;
                }

                if (IsQuiet(version))
                {
                    await ReportAsync(path, name, version, cancellationToken);
                }
                else
                {
                    Watch(path, name, version);
                }
            }

            if (seen is not null)
            {
                reported.Keys.Where(path => !seen.Contains(path)).ToList().ForEach(path => reported.Remove(path));
            }
        }

        /// <summary>
        /// The files under <paramref name="directory"/> with their versions, from the listing's own stat: no
        /// <see cref="FileInfo"/> per file. A file deleted between the listing and its stat comes back as
        /// <see cref="Vanished"/>.
        /// </summary>
        private static FileSystemEnumerable<(string Path, BlobVersion Version)> Files(string directory) =>
            new(directory, static (ref FileSystemEntry entry) => (entry.ToFullPath(), new BlobVersion(entry.Length, entry.LastWriteTimeUtc.UtcTicks)), ScanOptions)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
            };

        private async ValueTask CheckPendingAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            List<(string Path, Pending File, bool Report)>? changes = null;
            foreach (var (path, file) in pending)
            {
                var version = Stat(path);
                if (version is null)
                {
                    (changes ??= []).Add((path, file, false));
                }
                else if (version != file.Version)
                {
                    // Still being written: the quiet period starts again.
                    (changes ??= []).Add((path, new Pending(file.Name, version.Value, now), false));
                }
                else if (now - file.Since >= options.QuietPeriod)
                {
                    (changes ??= []).Add((path, file, true));
                }
            }

            foreach (var (path, file, report) in changes ?? [])
            {
                if (report)
                {
                    await ReportAsync(path, file.Name, file.Version, cancellationToken);
                }
                else if (file.Since == now)
                {
                    pending[path] = file;
                }
                else
                {
                    pending.Remove(path);
                }
            }
        }

        /// <summary>Not written for a quiet period: complete, even without a rename event.</summary>
        private bool IsQuiet(BlobVersion version) =>
            version.LastWriteTicks <= (time.GetUtcNow() - options.QuietPeriod).UtcTicks;

        private void Watch(string path, BlobName name, BlobVersion version)
        {
            if (reported.TryGetValue(path, out var known) && known == version)
            {
                return;
            }

            if (!pending.TryGetValue(path, out var file) || file.Version != version)
            {
                pending[path] = new Pending(name, version, time.GetUtcNow());
            }
        }

        private async ValueTask ReportAsync(string path, BlobName name, BlobVersion version, CancellationToken cancellationToken)
        {
            pending.Remove(path);
            if (reported.TryGetValue(path, out var known) && known == version)
            {
                return;
            }

            reported[path] = version;
            await output.WriteAsync(new BlobCandidate(name, version, time.GetUtcNow()), cancellationToken);
        }

        private bool TryName(string path, out BlobName name)
        {
            if (owner.container.TryGetName(path, out name, out var error))
            {
                if (FileKind.IsRegular(path))
                {
                    return true;
                }

                error = BlobMessages.NotRegularFile;
            }

            if (error.Length != 0 && refused.Add(path))
            {
                owner.Reject(path[(owner.container.DirectoryPath.Length + 1)..], error);
            }

            return false;
        }

        private static BlobVersion? Stat(string path)
        {
            try
            {
                var file = new FileInfo(path);
                return file.Exists ? BlobVersion.Of(file) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                SelfLog.Write($"blob discovery: cannot read {path}: {ex.Message}");
                return null;
            }
        }

        private readonly record struct Pending(BlobName Name, BlobVersion Version, DateTimeOffset Since);
    }
}
