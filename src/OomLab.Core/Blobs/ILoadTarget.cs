namespace OomLab.Blobs;

/// <summary>A container in a storage account that load is uploaded to (a folder container is written directly).</summary>
internal interface ILoadTarget
{
    /// <summary>Uploads one blob; complete (visible to discovery) once it returns.</summary>
    ValueTask UploadAsync(BlobName name, Stream content, CancellationToken cancellationToken);
}
