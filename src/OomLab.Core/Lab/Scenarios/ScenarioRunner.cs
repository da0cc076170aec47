using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Memory;
using OomLab.Queue;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// Runs one scenario: starts its downstream service if it has one, writes its load on the lab clock, runs each
/// deployment in its window (a runbook action trace marks every change), lets the last one drain what is
/// queued, and records everything in the run's telemetry store.
/// </summary>
internal sealed class ScenarioRunner
{
    /// <summary>The longest the last deployment may take to drain the queue after the timeline ends (real time).</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(8);

    /// <summary>How long before its window closes a deployment is stopped, so that the next starts on time (lab time).</summary>
    private static readonly TimeSpan RestartLead = TimeSpan.FromSeconds(30);

    private readonly ScenarioOptions options;

    public ScenarioRunner(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Layout = new RootLayout(options.OutDirectory);
        Clock = new LabClock(options.T0, options.Scenario.Compression);
        Deployments = options.Deployments;
        Tally = new ScenarioTally(NullSink.Instance, Deployments.Count);
    }

    public RootLayout Layout { get; }

    public LabClock Clock { get; }

    /// <summary>The deployments that run, in order (overrides and <see cref="ScenarioOptions.NoRemediation"/> applied).</summary>
    public IReadOnlyList<ScenarioDeployment> Deployments { get; }

    /// <summary>Counts of what happened (exits, OOM exceptions, peaks), filled as the run goes.</summary>
    public ScenarioTally Tally { get; private set; }

    /// <summary>The ceiling a deployment runs under.</summary>
    public MemoryCeiling CeilingOf(ScenarioDeployment deployment)
    {
        var ceiling = options.Scenario.Ceiling;
        if (deployment.CeilingFactor == 1)
        {
            return ceiling;
        }

        var bytes = checked((long)(ceiling.Bytes * deployment.CeilingFactor));
        return new MemoryCeiling(bytes, ceiling.Source, $"{deployment.CeilingFactor:0.#} x {ceiling.Description} ({MemoryText.Format(bytes)})");
    }

    /// <summary>Runs the scenario. Cancelling stops the hosts and flushes telemetry; what was recorded stays.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var store = TelemetryWriter.Open(Layout.TelemetryPath, new TelemetryIdentity(options.AppName, Environment.MachineName));
        var tally = new ScenarioTally(store, Deployments.Count);
        Tally = tally;
        var scenario = options.Scenario;
        await using var downstream = scenario.Downstream is { } service ? SaturatingService.Start(service) : null;
        var port = LoopbackPort.Free();

        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var http = new HttpLoadGenerator(new Uri($"http://127.0.0.1:{port}/api/{Deployments[0].Function}"), Clock, options.Seed);
        var loads = Task.WhenAll(
            Task.Run(() => WriteBlobsAsync(loadStop.Token), CancellationToken.None),
            Task.Run(() => http.RunAsync(scenario.HttpLoads, loadStop.Token), CancellationToken.None),
            Task.Run(() => BlobSweeper.RunAsync(Layout, loadStop.Token), CancellationToken.None));
        try
        {
            for (var i = 0; i < Deployments.Count; i++)
            {
                var deployment = Deployments[i];
                await Clock.WaitUntilAsync(deployment.Start, cancellationToken);
                tally.Enter(i);
                if (i > 0)
                {
                    tally.Emit(new TraceTelemetry(Clock.GetUtcNow(), deployment.RunbookAction(CeilingOf(deployment)), SeverityLevel.Information));
                }

                var last = i == Deployments.Count - 1;
                var until = last ? deployment.End : deployment.End - RestartLead;
                await RunDeploymentAsync(deployment, tally, port, downstream?.Url, until, drain: last, cancellationToken);
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
        ScenarioDeployment deployment, ITelemetrySink sink, int port, Uri? downstream, TimeSpan until, bool drain, CancellationToken cancellationToken)
    {
        var appSettings = new Dictionary<string, string>(deployment.AppSettings, StringComparer.Ordinal);
        if (downstream is not null)
        {
            appSettings["FULFILLMENT_URL"] = downstream.ToString();
        }

        var settings = HostSettingsLoader.Load(null, new Dictionary<string, string?>(), appSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        var hostOptions = new FunctionHostOptions(
            Layout, options.FunctionsAssembly, deployment.Function, CeilingOf(deployment), settings, options.WorkerCommand, options.WorkerCommandPrefix)
        {
            AppName = options.AppName,
            InstanceName = Environment.MachineName,
            AppSettings = appSettings,
            ConfigureWorkers = ConfigureWorkers,
            HeartbeatInterval = TimeSpan.FromMilliseconds(250),
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = deployment.Trigger == ScenarioTrigger.Http
            ? new HttpTriggerHost(hostOptions, port, sink, Clock).RunAsync(stop.Token)
            : new FunctionHost(hostOptions, sink, Clock).RunAsync(stop.Token);
        try
        {
            await Task.WhenAny(run, Clock.WaitUntilAsync(until, cancellationToken));
            if (drain && deployment.Trigger == ScenarioTrigger.Blob && !run.IsCompleted)
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

    private async Task DrainAsync(Task host, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>
    /// The pool's real-time policies scaled to a clock compressed even harder than the seed lab's: counters four
    /// times a second, quick shutdowns and recycles. As in the seed lab, the managed heap may grow a tenth past the
    /// ceiling (<see cref="LabScenario.HeapLimitFraction"/>) so that the instance-level kill (exit 137) stays reachable.
    /// The workers' runtime is set to conserve memory (<c>GCConserveMemory=9</c>, as for a memory-constrained
    /// container): it compacts the large object heap and gives freed memory back, so memory follows what invocations
    /// hold. Without it, garbage from finished invocations piles up to the ceiling whatever the concurrency, and no
    /// concurrency setting could avoid the kill.
    /// </summary>
    private WorkerPoolOptions ConfigureWorkers(WorkerPoolOptions workers) => workers with
    {
        ShutdownTimeout = TimeSpan.FromMilliseconds(250),
        GcHeapHardLimitFraction = options.Scenario.HeapLimitFraction,
        CounterInterval = TimeSpan.FromMilliseconds(250),
        FailureWindow = TimeSpan.FromSeconds(20),
        RecyclePause = TimeSpan.FromSeconds(1),
        HealthyPeriod = TimeSpan.FromSeconds(2),
        Environment = new Dictionary<string, string>(workers.Environment, StringComparer.Ordinal) { ["DOTNET_GCConserveMemory"] = "9" },
    };

    /// <summary>Writes every burst at its time; bursts may overlap (a trickle under a burst), so each runs on its own.</summary>
    private Task WriteBlobsAsync(CancellationToken cancellationToken)
    {
        var input = new BlobContainer(Layout, ContainerName.Create("input"));
        return Task.WhenAll(options.Scenario.BlobLoads.Select(async (load, i) =>
        {
            await Clock.WaitUntilAsync(load.Start, cancellationToken);
            var prefix = $"{load.Phase.Name.ToLowerInvariant().Replace(' ', '-')}/burst-{i + 1:D2}/";
            await new LoadGenerator().RunAsync(input, new LoadPlan(load.Count, load.Sizes, load.Rate, options.Seed * 1000 + i, prefix), cancellationToken);
        }));
    }

    private sealed class NullSink : ITelemetrySink
    {
        public static readonly NullSink Instance = new();

        public void Emit(TelemetryItem item)
        {
        }
    }
}
