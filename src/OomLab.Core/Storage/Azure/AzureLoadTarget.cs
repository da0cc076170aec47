using Azure.Storage.Blobs;
using OomLab.Blobs;

namespace OomLab.Storage.Azure;

/// <summary>A container in the account that <c>oomlab load --storage</c> uploads to.</summary>
internal sealed class AzureLoadTarget(BlobContainerClient container) : ILoadTarget
{
    public Uri Uri => container.Uri;

    /// <summary>The container, created when missing, after checking the account answers.</summary>
    /// <exception cref="OomLabException">A bad connection string or an account that cannot be reached.</exception>
    public static async Task<AzureLoadTarget> OpenAsync(string connectionString, ContainerName name, CancellationToken cancellationToken)
    {
        var (blobs, _) = AzureStorage.CreateClients(connectionString);
        var container = blobs.GetBlobContainerClient(name.Value);
        await AzureStorage.CheckedAsync(blobs.Uri, async ct => await container.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);
        return new AzureLoadTarget(container);
    }

    public async ValueTask UploadAsync(BlobName name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using (content)
        {
            await container.GetBlobClient(name.Value).UploadAsync(content, overwrite: true, cancellationToken);
        }
    }
}
