using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using OomLab.Storage;

namespace OomLab.Cli.Tests.Support;

/// <summary>A real Azurite process (tools/azurite) on free ports with its data in a temporary folder, for one test.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private readonly TempDirectory location;
    private readonly AzuriteProcess process;

    private Azurite(TempDirectory location, AzuriteProcess process)
    {
        this.location = location;
        this.process = process;
        Blobs = new BlobServiceClient(ConnectionString);
        Queues = new QueueServiceClient(ConnectionString);
    }

    public string ConnectionString => process.ConnectionString;

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public static async Task<Azurite> StartAsync()
    {
        var location = new TempDirectory();
        return new Azurite(location, await AzuriteProcess.StartAsync(location.Path, TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    /// <summary>The names of a container's blobs; none while it does not exist.</summary>
    public List<string> List(string container, string? prefix = null)
    {
        var client = Blobs.GetBlobContainerClient(container);
        return client.Exists().Value
            ? [.. client.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None).Select(b => b.Name)]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        location.Dispose();
    }
}
