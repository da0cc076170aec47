using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Memory;

namespace OomLab.Hosting;

/// <summary>
/// What one function host runs: which function, over which root, under which ceiling and settings.
/// Immutable; validated on construction.
/// </summary>
internal sealed record FunctionHostOptions
{
    /// <param name="layout">The root folder with its containers and state.</param>
    /// <param name="transport">
    /// How workers are started and talked to: oomlab's own workers (<see cref="Workers.Stdio.StdioTransport"/>) or a user's
    /// function app (<see cref="Workers.Rpc.RpcTransport"/>). The host's worker pool owns it and disposes it when the run ends.
    /// </param>
    /// <param name="functionName">The function's name.</param>
    /// <param name="ceiling">The instance's memory ceiling.</param>
    /// <param name="settings">Dispatch settings from host.json and app settings.</param>
    public FunctionHostOptions(
        RootLayout layout,
        Workers.IWorkerTransport transport,
        string functionName,
        MemoryCeiling ceiling,
        HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(settings);
        if (ceiling.Bytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling.Bytes, "a ceiling larger than zero");
        }

        Layout = layout;
        Transport = transport;
        FunctionName = functionName;
        Ceiling = ceiling;
        Settings = settings;
    }

    public RootLayout Layout { get; }

    public Workers.IWorkerTransport Transport { get; }

    public string FunctionName { get; }

    /// <summary>An HTTP-triggered function's route under <c>/api/</c>: its trigger's <c>route</c>, by default its name.</summary>
    public string? HttpRoute { get; init; }

    public MemoryCeiling Ceiling { get; }

    public HostSettings Settings { get; }

    /// <summary>The app's name: <c>cloud_RoleName</c>, <c>AppName</c>. Default <c>oomlab-app</c>.</summary>
    public string AppName { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("an app name", nameof(AppName)) : value; } = "oomlab-app";

    /// <summary>The instance's name: <c>cloud_RoleInstance</c>. Default the machine name.</summary>
    public string InstanceName { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("an instance name", nameof(InstanceName)) : value; } = Environment.MachineName;

    /// <summary>
    /// Where the input container's discovery, the work queue and the receipts live; null (the default) is the folder
    /// backend under <see cref="Layout"/> (<see cref="Storage.FolderStorage"/>).
    /// </summary>
    public Storage.IStorageBackend? Storage { get; init; }

    /// <summary>The container the function is triggered by. Default <c>input</c>.</summary>
    public ContainerName InputContainer { get; init; } = ContainerName.Create("input");

    /// <summary>The container the function writes to. Default <c>output</c>.</summary>
    public ContainerName OutputContainer { get; init; } = ContainerName.Create("output");

    /// <summary>How discovery decides a blob is complete and how often it rescans; see <see cref="BlobDiscoveryOptions"/>.</summary>
    public BlobDiscoveryOptions Discovery { get; init => field = value ?? throw new ArgumentNullException(nameof(Discovery)); } = BlobDiscoveryOptions.Default;

    /// <summary>
    /// How long a lease hides a running blob from other hosts. Default 10 minutes; the host renews a running
    /// invocation's lease once half of it has gone, and a host that dies gives its leases back when the next host
    /// run opens the queue. From 1 ms to 7 days (the longest visibility timeout of an Azure Storage queue).
    /// </summary>
    public TimeSpan LeaseDuration { get; init => field = OptionRange.Check(value, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7), nameof(LeaseDuration), "1 ms to 7 days"); } = DefaultLeaseDuration;

    /// <summary>The Functions queue listener's visibility timeout while a message runs.</summary>
    public static TimeSpan DefaultLeaseDuration => TimeSpan.FromMinutes(10);

    /// <summary>How often the host writes its heartbeat trace while all workers are up (real time). Default 1 s; 1 ms to 1 day.</summary>
    public TimeSpan HeartbeatInterval { get; init => field = OptionRange.PositiveUpToADay(value, nameof(HeartbeatInterval)); } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Stop once the queue has had nothing queued or running for this long (real time); null runs until
    /// cancelled. Default null; zero or more.
    /// </summary>
    public TimeSpan? StopWhenIdleFor { get => field; init => field = value is not { } idle || idle >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(StopWhenIdleFor), value, "zero or more"); }

    /// <summary>Extra environment variables for the workers (app settings the function reads).</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init => field = value ?? throw new ArgumentNullException(nameof(AppSettings)); } = new Dictionary<string, string>();

    /// <summary>The limit on one invocation's run time (host.json <c>functionTimeout</c>); null for none. Default null.</summary>
    public TimeSpan? FunctionTimeout { get; init; }

    /// <summary>Memory-aware admission; default <see cref="Admission.AdmissionOptions.Off"/> (as the Functions host).</summary>
    public Admission.AdmissionOptions Admission { get; init => field = value ?? throw new ArgumentNullException(nameof(Admission)); } = Hosting.Admission.AdmissionOptions.Off;

    /// <summary>The worker pool's options for this host: transport, ceiling, process count, app settings, then <see cref="ConfigureWorkers"/>.</summary>
    public Workers.WorkerPoolOptions CreateWorkerPoolOptions()
    {
        var pool = new Workers.WorkerPoolOptions(Transport, FunctionName, Ceiling)
        {
            WorkerCount = Settings.WorkerProcessCount,
            Environment = AppSettings,
            FunctionTimeout = FunctionTimeout,
        };
        return ConfigureWorkers?.Invoke(pool) ?? pool;
    }

    /// <summary>Adjusts the worker pool's options (restart backoff, sampling, heap limit) before it starts.</summary>
    public Func<Workers.WorkerPoolOptions, Workers.WorkerPoolOptions>? ConfigureWorkers { get; init; }
}
