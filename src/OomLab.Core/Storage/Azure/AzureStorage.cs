using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Storage.Azure;

/// <summary>
/// The Azure Storage backend: the input and output containers, the receipts, scan lock and cursor (container
/// <c>azure-webjobs-hosts</c>), and the internal and poison queues all live in one storage account (Azurite or a real
/// one), so several hosts with the same host id share the work as scaled-out instances do (docs/STORAGE.md).
/// </summary>
internal sealed class AzureStorage : IStorageBackend
{
    private const int MinThreads = 64;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    private readonly BlobContainerClient input;

    private AzureStorage(
        BlobServiceClient blobs, QueueServiceClient queues, AzureNames names, ContainerName output, string stagingRoot, string instance, string connectionString)
    {
        ConnectionString = connectionString;
        Blobs = blobs;
        Queues = queues;
        Names = names;
        Instance = instance;
        input = blobs.GetBlobContainerClient(names.Input.Value);
        Output = new AzureOutput(blobs.GetBlobContainerClient(output.Value), output, stagingRoot);
    }

    public BlobServiceClient Blobs { get; }

    /// <summary>The account's connection string, given to workers that read their blobs themselves.</summary>
    public string ConnectionString { get; }

    public QueueServiceClient Queues { get; }

    public AzureNames Names { get; }

    /// <summary>This host's instance name (<c>cloud_RoleInstance</c>): the scan lock's holder and the poison messages' source.</summary>
    public string Instance { get; }

    public IOutputContainer Output { get; }

    /// <summary>The account's blob endpoint, for messages.</summary>
    public Uri Endpoint => Blobs.Uri;

    /// <summary>
    /// Connects to the account and checks, within 20 s, that it answers, that the input container exists, and creates
    /// what the host writes (the output container, <c>azure-webjobs-hosts</c>, the queues) when missing.
    /// </summary>
    /// <exception cref="OomLabException">A bad connection string, an unreachable endpoint, a refused key, a missing input container.</exception>
    public static async Task<AzureStorage> ConnectAsync(
        string connectionString, string hostId, string functionName, ContainerName input, ContainerName output, string stagingRoot,
        string instance, CancellationToken cancellationToken)
    {
        var (blobs, queues) = CreateClients(connectionString);
        var names = new AzureNames(hostId, $"Host.Functions.{functionName}", blobs.AccountName, input);

        // The host's queue calls (IWorkQueue) are synchronous, so each is a blocking HTTP request on a pool thread; with
        // the pool's default minimum (one thread per core) dozens of concurrent invocations settling at once starve it.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), completionPorts);
        await CheckedAsync(blobs.Uri, async ct =>
        {
            if (!(await blobs.GetBlobContainerClient(input.Value).ExistsAsync(ct)).Value)
            {
                throw new OomLabException(
                    $"--storage: container '{input.Value}' does not exist in storage account {blobs.AccountName} ({blobs.Uri}); create it, or upload blobs with oomlab load --storage");
            }

            await blobs.GetBlobContainerClient(output.Value).CreateIfNotExistsAsync(cancellationToken: ct);
            await blobs.GetBlobContainerClient(AzureNames.HostsContainer).CreateIfNotExistsAsync(cancellationToken: ct);
            await queues.GetQueueClient(names.Queue).CreateIfNotExistsAsync(cancellationToken: ct);
            await queues.GetQueueClient(AzureNames.PoisonQueue).CreateIfNotExistsAsync(cancellationToken: ct);
        }, cancellationToken);
        return new AzureStorage(blobs, queues, names, output, stagingRoot, instance, connectionString);
    }

    /// <summary>The clients for a connection string (<c>UseDevelopmentStorage=true</c> is Azurite's default ports).</summary>
    /// <exception cref="OomLabException">The connection string is not one.</exception>
    public static (BlobServiceClient Blobs, QueueServiceClient Queues) CreateClients(string connectionString)
    {
        try
        {
            var blobOptions = new BlobClientOptions();
            var queueOptions = new QueueClientOptions();
            Configure(blobOptions.Retry);
            Configure(queueOptions.Retry);
            return (new BlobServiceClient(connectionString, blobOptions), new QueueServiceClient(connectionString, queueOptions));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new OomLabException($"--storage: not a storage connection string ({ex.Message}); expected DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;BlobEndpoint=...;QueueEndpoint=... or UseDevelopmentStorage=true");
        }

        static void Configure(RetryOptions retry)
        {
            retry.MaxRetries = 4;
            retry.Delay = TimeSpan.FromMilliseconds(200);
            retry.MaxDelay = TimeSpan.FromSeconds(2);
            retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        }
    }

    /// <summary>Runs first calls to the account within 20 s, turning what can go wrong into a message that names the account.</summary>
    /// <exception cref="OomLabException">The account did not answer, refused the credentials or answered with an error.</exception>
    public static async Task CheckedAsync(Uri endpoint, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await call(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OomLabException($"--storage: the storage account at {endpoint} did not answer within {ConnectTimeout.TotalSeconds:0} s");
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            throw new OomLabException($"--storage: the storage account at {endpoint} refused the connection string's credentials ({ex.ErrorCode ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
        catch (RequestFailedException ex) when (ex.Status == 0 || ex.InnerException is HttpRequestException)
        {
            throw new OomLabException($"--storage: cannot reach the storage account at {endpoint}: {(ex.InnerException ?? ex).Message}");
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            throw new OomLabException($"--storage: cannot reach the storage account at {endpoint}: {ex.InnerExceptions[^1].Message}");
        }
        catch (RequestFailedException ex)
        {
            throw new OomLabException($"--storage: the storage account at {endpoint} answered {ex.Status} {ex.ErrorCode}: {FirstLine(ex.Message)}");
        }
    }

    /// <summary>
    /// The account's view of a host id's blob trigger, for <c>oomlab status --storage</c>: its queue, its poison queue and the
    /// receipts of all its functions.
    /// </summary>
    /// <exception cref="OomLabException">The account cannot be reached, or no host with that id ran on it.</exception>
    public static async Task<AzureStorage> OpenForStatusAsync(string connectionString, string hostId, CancellationToken cancellationToken)
    {
        var (blobs, queues) = CreateClients(connectionString);
        var names = new AzureNames(hostId, null, blobs.AccountName, ContainerName.Create("input"));
        await CheckedAsync(blobs.Uri, async ct =>
        {
            if (!(await queues.GetQueueClient(names.Queue).ExistsAsync(ct)).Value)
            {
                throw new OomLabException(
                    $"--storage: storage account {blobs.AccountName} ({blobs.Uri}) has no queue {names.Queue}: no host with host id '{hostId}' has run on it (the host id comes from --app-name)");
            }
        }, cancellationToken);
        return new AzureStorage(blobs, queues, names, ContainerName.Create("output"), Path.GetTempPath(), Environment.MachineName, connectionString);
    }

    public IBlobDiscovery CreateDiscovery(BlobDiscoveryOptions options, TimeProvider time) => new BlobScanner(this, input, time);

    public IWorkQueue OpenQueue(int maxDequeueCount, TimeProvider time) => new AzureWorkQueue(this, maxDequeueCount, time);

    public Workers.BlobReference ReferenceFor(LeasedMessage lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return new Workers.BlobReference(
            Names.Input.Value, lease.Name.Value, input.GetBlobClient(lease.Name.Value).Uri, lease.ObservedAt);
    }

    /// <summary>Downloads the leased version (If-Match its ETag) next to the staging folder, as the host reads a blob for its worker.</summary>
    public async Task<InputFile> FetchInputAsync(LeasedMessage lease, string stagingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var path = stagingDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".input";
        var file = new InputFile(path, temporary: true);
        try
        {
            await input.GetBlobClient(lease.Name.Value).DownloadToAsync(
                path,
                new BlobDownloadToOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(lease.Version) } },
                cancellationToken);
            return file;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            file.Dispose();
            throw new BlobChangedException(ex.Status == 404
                ? $"blob {lease.Name.Value} was deleted after it was queued; its message is dropped"
                : $"blob {lease.Name.Value} was rewritten after it was queued (ETag {lease.Version}); its new version runs on its own");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public QueueStatus ReadStatus(int poisonLimit)
    {
        using var queue = new AzureWorkQueue(this, int.MaxValue, TimeProvider.System);
        return queue.GetStatus(poisonLimit);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
