using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Lab.Scenarios;
using OomLab.Memory;
using OomLab.Queue;
using OomLab.Telemetry;

namespace OomLab.Lab;

/// <summary>
/// Runs a <see cref="LabRunPlan"/>, the seed lab's runbook or a scenario, on one machine: starts its downstream
/// service if it has one, writes its load on the lab clock, runs each deployment in its window (a runbook action
/// trace marks every change after the first, such as the seed's remediation at 02:25), lets the last one drain what
/// is queued, and records everything in the run's telemetry store; the evidence is read from it afterwards.
/// </summary>
internal sealed class LabRunner
{
    /// <summary>
    /// How long before its window closes a deployment is stopped, so that the next starts on time with nothing of the
    /// previous one still running (lab time), to which the pacing adds its <see cref="LabPacing.StopAllowance"/>. The
    /// next deployment starts only once this one's host has returned, its workers gone.
    /// </summary>
    private static readonly TimeSpan RestartLead = TimeSpan.FromSeconds(30);

    private readonly LabRunOptions options;
    private volatile FunctionHost? currentHost;
    private volatile LabDeployment? currentDeployment;
    private volatile bool draining;
    private int blobsWritten;
    private long loadTicks;

    public LabRunner(LabRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Plan = options.Plan;
        Layout = new RootLayout(options.OutDirectory);
        Clock = new LabClock(options.T0, Plan.Compression);
        Counters = new RunCounters(Deployments.Count);
        Tally = new ScenarioTally(Counters);
    }

    public RootLayout Layout { get; }

    public LabClock Clock { get; }

    /// <summary>What the run does.</summary>
    public LabRunPlan Plan { get; }

    /// <summary>The deployments that run, in order.</summary>
    public IReadOnlyList<LabDeployment> Deployments => Plan.Deployments;

    /// <summary>The run's memory ceiling, in bytes.</summary>
    public long CeilingBytes => Plan.Ceiling.Bytes;

    /// <summary>What the live display shows; set once the run has started.</summary>
    public LabMonitor? Monitor { get; private set; }

    /// <summary>Counts of what happened (requests, exits, restarts, OOM exceptions, peaks per deployment), filled as the run goes.</summary>
    public RunCounters Counters { get; }

    /// <summary>The scenario summary's view of <see cref="Counters"/>.</summary>
    public ScenarioTally Tally { get; }

    /// <summary>The blob-triggered host running now; null before the first and while an HTTP-triggered deployment runs.</summary>
    public FunctionHost? CurrentHost => currentHost;

    public LabDeployment? CurrentDeployment => currentDeployment;

    /// <summary>True once the timeline has ended and the run waits for the queue to empty.</summary>
    public bool Draining => draining;

    /// <summary>Blobs written so far by the load generator.</summary>
    public int BlobsWritten => Volatile.Read(ref blobsWritten);

    /// <summary>Real time spent writing the load (generating and writing blobs), summed over bursts.</summary>
    public TimeSpan LoadGenerationTime => TimeSpan.FromTicks(Interlocked.Read(ref loadTicks));

    /// <summary>The ceiling a deployment runs under.</summary>
    public MemoryCeiling CeilingOf(LabDeployment deployment) => Plan.CeilingOf(deployment);

    /// <summary>
    /// Runs the plan. Cancelling stops the hosts cleanly and flushes telemetry; what was recorded stays in
    /// <see cref="LabRunOptions.OutDirectory"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var store = TelemetryWriter.Open(Layout.TelemetryPath, new TelemetryIdentity(options.AppName, Environment.MachineName));
        var monitor = new LabMonitor(store, Counters);
        Monitor = monitor;
        await using var downstream = Plan.Downstream is { } service ? SaturatingService.Start(service) : null;
        var port = LoopbackPort.Free();

        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loads = Task.WhenAll(
            Task.Run(() => WriteBlobsAsync(loadStop.Token), CancellationToken.None),
            Task.Run(() => SendRequestsAsync(port, loadStop.Token), CancellationToken.None),
            options.KeepBlobs ? Task.CompletedTask : Task.Run(() => BlobSweeper.RunAsync(Layout, options.InputContainer, loadStop.Token), CancellationToken.None));
        try
        {
            for (var i = 0; i < Deployments.Count; i++)
            {
                var deployment = Deployments[i];
                await Clock.WaitUntilAsync(deployment.Start, cancellationToken);
                Counters.Enter(i);
                if (i > 0)
                {
                    monitor.Emit(new TraceTelemetry(Clock.GetUtcNow(), deployment.RunbookAction(CeilingOf(deployment)), SeverityLevel.Information));
                }

                var last = i == Deployments.Count - 1;
                var until = last ? deployment.End : Plan.Pacing.StopAt(deployment, Plan.Compression, RestartLead);
                await RunDeploymentAsync(i, monitor, port, downstream?.Url, until, drain: last, cancellationToken);
            }
        }
        finally
        {
            await loadStop.CancelAsync();
            try
            {
                await loads;
            }
            catch (OperationCanceledException)
            {
            }

            await store.FlushAsync(CancellationToken.None);
        }
    }

    private async Task RunDeploymentAsync(
        int index, ITelemetrySink sink, int port, Uri? downstream, TimeSpan until, bool drain, CancellationToken cancellationToken)
    {
        var deployment = Deployments[index];
        var appSettings = new Dictionary<string, string>(deployment.AppSettings, StringComparer.Ordinal);
        if (downstream is not null)
        {
            appSettings["FULFILLMENT_URL"] = downstream.ToString();
        }

        var settings = HostSettingsLoader.Load(null, new Dictionary<string, string?>(), appSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        var (app, appFunction) = options.App?.At(index) ?? default;
        Workers.IWorkerTransport transport = appFunction is null
            ? new Workers.Stdio.StdioTransport(options.WorkerCommand, options.WorkerCommandPrefix, options.FunctionsAssembly)
            : new Workers.Rpc.RpcTransport(app!, appFunction);
        var hostOptions = new FunctionHostOptions(Layout, transport, deployment.Function, CeilingOf(deployment), settings)
        {
            AppName = options.AppName,
            InstanceName = Environment.MachineName,
            AppSettings = appSettings,
            ConfigureWorkers = Plan.Pacing.Apply,
            HeartbeatInterval = Plan.Pacing.HeartbeatInterval,
            Admission = options.Admission,
        };
        if (appFunction is not null)
        {
            hostOptions = hostOptions with
            {
                InputContainer = ContainerName.Create(appFunction.InputContainerOr("input")),
                OutputContainer = ContainerName.Create(appFunction.OutputContainer ?? "output"),
            };
        }

        currentDeployment = deployment;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task run;
        if (deployment.Trigger == DeploymentTrigger.Http)
        {
            currentHost = null;
            run = new HttpTriggerHost(hostOptions, port, sink, Clock).RunAsync(stop.Token);
        }
        else
        {
            var host = new FunctionHost(hostOptions, sink, Clock);
            currentHost = host;
            run = host.RunAsync(stop.Token);
        }

        try
        {
            await Task.WhenAny(run, Clock.WaitUntilAsync(until, cancellationToken));
            if (drain && deployment.Trigger == DeploymentTrigger.Blob && !run.IsCompleted)
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
    /// Lets the last deployment finish what is queued after the timeline ends, so that every blob ends processed or
    /// poisoned with a reason; bounded by the pacing's <see cref="LabPacing.DrainLimit"/> of real time.
    /// </summary>
    private async Task DrainAsync(Task host, CancellationToken cancellationToken)
    {
        draining = true;
        var deadline = Task.Delay(Plan.Pacing.DrainLimit, cancellationToken);
        while (!host.IsCompleted && !deadline.IsCompleted)
        {
            var status = BlobQueue.ReadStatus(Layout.QueuePath, poisonLimit: 0);
            if (status.Queued == 0 && status.Leased == 0)
            {
                return;
            }

            await Task.WhenAny(host, deadline, Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken));
        }
    }

    /// <summary>Writes every burst at its time; bursts may overlap (a trickle under a burst), so each runs on its own.</summary>
    private Task WriteBlobsAsync(CancellationToken cancellationToken)
    {
        var input = new BlobContainer(Layout, ContainerName.Create(options.InputContainer));
        return Task.WhenAll(Plan.BlobLoads.Select(async (load, i) =>
        {
            await Clock.WaitUntilAsync(load.Start, cancellationToken);
            var prefix = $"{load.Phase.Name.ToLowerInvariant().Replace(' ', '-')}/burst-{i + 1:D2}/";
            var result = await new LoadGenerator().RunAsync(input, new LoadPlan(load.Count, load.Sizes, load.Rate, options.Seed * 1000 + i, prefix), cancellationToken);
            Interlocked.Add(ref blobsWritten, result.Blobs);
            Interlocked.Add(ref loadTicks, result.Writing.Ticks);
        }));
    }

    private async Task SendRequestsAsync(int port, CancellationToken cancellationToken)
    {
        if (Plan.HttpLoads.Count == 0)
        {
            return;
        }

        using var http = new HttpLoadGenerator(new Uri($"http://127.0.0.1:{port}/api/{Deployments[0].Function}"), Clock, options.Seed);
        await http.RunAsync(Plan.HttpLoads, cancellationToken);
    }
}
