using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Queue;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Lab;

/// <summary>
/// Runs the seed's runbook on one machine: provisions a fresh root, deploys the failing function with the
/// seed's settings, drives the phases' load on the lab clock, applies the remediation at 02:25 by restarting
/// the host with the streaming function and batch 8 / concurrency 12, and lets recovery run under the same
/// load profile as the incident. Telemetry lands in the run's store; the evidence is read from it afterwards.
/// </summary>
internal sealed class LabRunner
{
    private readonly LabOptions options;
    private volatile FunctionHost? currentHost;
    private volatile LabDeployment? currentDeployment;

    public LabRunner(LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Layout = new RootLayout(options.OutDirectory);
        Clock = new LabClock(options.T0, options.Scale.Compression);
    }

    public RootLayout Layout { get; }

    public LabClock Clock { get; }

    /// <summary>The memory ceiling in force, in bytes.</summary>
    public long CeilingBytes => options.Scale.Ceiling.Bytes;

    /// <summary>What the live display shows; set once the run has started.</summary>
    public LabMonitor? Monitor { get; private set; }

    public FunctionHost? CurrentHost => currentHost;

    public LabDeployment? CurrentDeployment => currentDeployment;

    /// <summary>True once the recovery window has closed and the lab waits for the queue to empty.</summary>
    public bool Draining { get; private set; }

    /// <summary>Blobs written so far by the load generator.</summary>
    public int BlobsWritten => Volatile.Read(ref blobsWritten);

    private int blobsWritten;
    private long loadTicks;

    /// <summary>Real time spent writing the load (generating and writing blobs), summed over bursts.</summary>
    public TimeSpan LoadGenerationTime => TimeSpan.FromTicks(Interlocked.Read(ref loadTicks));

    /// <summary>
    /// Runs the whole runbook. Cancelling stops the hosts cleanly and flushes telemetry; what was recorded stays
    /// in <see cref="LabOptions.OutDirectory"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var store = TelemetryWriter.Open(Layout.TelemetryPath, new TelemetryIdentity(options.AppName, Environment.MachineName));
        var monitor = new LabMonitor(store);
        Monitor = monitor;

        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var load = Task.Run(() => WriteLoadAsync(loadStop.Token), CancellationToken.None);
        var sweep = options.KeepBlobs ? Task.CompletedTask : Task.Run(() => SweepAsync(loadStop.Token), CancellationToken.None);
        try
        {
            var first = options.Variant == LabVariant.Buffer ? LabDeployment.Buffering : LabDeployment.StreamingUnchanged;
            await RunDeploymentAsync(first, monitor, LabPhase.Remediation - RestartLead, cancellationToken);

            var fix = LabDeployment.Remediated;
            await Clock.WaitUntilAsync(LabPhase.Remediation, cancellationToken);
            monitor.Emit(new TraceTelemetry(
                Clock.GetUtcNow(),
                $"Runbook action: deploy {fix.Package} ({fix.Function}); set BLOB_BATCH_SIZE={fix.BatchSize}, MAX_CONCURRENT_INVOCATIONS={fix.MaxConcurrentInvocations}; restart",
                SeverityLevel.Information));
            await RunDeploymentAsync(fix, monitor, LabPhase.Recovery.End, cancellationToken, drain: true);
        }
        finally
        {
            await loadStop.CancelAsync();
            try
            {
                await Task.WhenAll(load, sweep);
            }
            catch (OperationCanceledException)
            {
            }

            await store.FlushAsync(CancellationToken.None);
        }
    }

    private async Task RunDeploymentAsync(LabDeployment deployment, ITelemetrySink sink, TimeSpan until, CancellationToken cancellationToken, bool drain = false)
    {
        var settings = HostSettingsLoader.Load(null, new Dictionary<string, string?>(), deployment.AppSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        var hostOptions = new FunctionHostOptions(
            Layout, options.FunctionsAssembly, deployment.Function, options.Scale.Ceiling, settings, options.WorkerCommand, options.WorkerCommandPrefix)
        {
            AppName = options.AppName,
            InstanceName = Environment.MachineName,
            AppSettings = deployment.AppSettings,
            ConfigureWorkers = ConfigureWorkers,
        };
        var host = new FunctionHost(hostOptions, sink, Clock);
        currentDeployment = deployment;
        currentHost = host;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = host.RunAsync(stop.Token);
        try
        {
            await Task.WhenAny(run, Clock.WaitUntilAsync(until, cancellationToken));
            if (drain && !run.IsCompleted)
            {
                await DrainAsync(run, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Lets the last deployment finish what is queued after the recovery window closes, so that every blob ends
    /// processed or poisoned with a reason; bounded by <see cref="DrainLimit"/> of real time.
    /// </summary>
    private async Task DrainAsync(Task host, CancellationToken cancellationToken)
    {
        Draining = true;
        var deadline = Task.Delay(DrainLimit, cancellationToken);
        while (!host.IsCompleted && !deadline.IsCompleted)
        {
            var status = BlobQueue.ReadStatus(Layout.QueuePath, poisonLimit: 0);
            if (status.Queued == 0 && status.Leased == 0)
            {
                return;
            }

            await Task.WhenAny(host, deadline, Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The longest the lab waits for the queue to drain after the recovery window.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long before 02:25 the old host is stopped, so that the runbook action lands at 02:25 with nothing of
    /// the failing deployment still running in the recovery window. Stopping takes well under a real second.
    /// </summary>
    private static readonly TimeSpan RestartLead = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The lab compresses time, so the pool's real-time policies are scaled to it: counters four times a second
    /// so every 5-minute bin has many readings, and a recycle pause of seconds rather than half a minute. A restart
    /// does not wait for in-flight invocations (they go back to the queue), as a platform restart does not.
    /// The managed heap may grow a tenth past the ceiling, so that the instance-level kill (the seed's exit 137)
    /// is about as reachable as the in-process failure (the seed's MemoryError): with the heap limit at the
    /// ceiling itself, the runtime nearly always throws before the instance crosses it.
    /// </summary>
    private static WorkerPoolOptions ConfigureWorkers(WorkerPoolOptions workers) => workers with
    {
        ShutdownTimeout = TimeSpan.FromMilliseconds(250),
        GcHeapHardLimitFraction = 1.1,
        CounterInterval = TimeSpan.FromMilliseconds(250),
        FailureWindow = TimeSpan.FromSeconds(30),
        RecyclePause = TimeSpan.FromSeconds(2),
        HealthyPeriod = TimeSpan.FromSeconds(5),
    };

    private async Task WriteLoadAsync(CancellationToken cancellationToken)
    {
        var input = new BlobContainer(Layout, ContainerName.Create("input"));
        var generator = new LoadGenerator();
        var loads = options.Scale.Loads;
        for (var i = 0; i < loads.Count; i++)
        {
            var load = loads[i];
            await Clock.WaitUntilAsync(load.Start, cancellationToken);
            var prefix = $"{Slug(load.Phase.Name)}/burst-{i + 1:D2}/";
            var result = await generator.RunAsync(input, new LoadPlan(load.Count, load.Sizes, load.Rate, options.Seed * 1000 + i, prefix), cancellationToken);
            Interlocked.Add(ref blobsWritten, result.Blobs);
            Interlocked.Add(ref loadTicks, result.Writing.Ticks);
        }
    }

    /// <summary>Deletes the input and outputs of every blob that has reached its end, about once a second.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var input = new BlobContainer(Layout, ContainerName.Create("input"));
        var output = new BlobContainer(Layout, ContainerName.Create("output"));
        var swept = new HashSet<string>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            IReadOnlyList<string> settled;
            try
            {
                settled = BlobQueue.ReadSettledNames(Layout.QueuePath);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                continue; // The host is still creating the queue.
            }

            foreach (var name in settled)
            {
                if (swept.Add(name) && BlobName.TryCreate(name, out var blob, out _))
                {
                    TryDelete(input.GetPath(blob));
                    TryDelete(output.GetPath(blob));
                    TryDelete(output.GetPath(blob) + ".result.json");
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Slug(string phase) => phase.ToLowerInvariant().Replace(' ', '-');
}
