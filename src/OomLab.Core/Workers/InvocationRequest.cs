namespace OomLab.Workers;

/// <summary>One invocation to run on a worker.</summary>
/// <param name="InvocationId">Unique id, also <c>operation_Id</c>.</param>
/// <param name="BlobName">The input blob's name in its container.</param>
/// <param name="InputPath">Where the worker reads the blob's bytes.</param>
/// <param name="Length">The blob's length in bytes.</param>
/// <param name="OutputDirectory">An empty staging folder for this invocation's outputs.</param>
/// <param name="Container">The container's name, the target of the <c>Azure blob</c> dependency.</param>
/// <param name="TrackBlobRead">Whether reading the input is recorded as an <c>Azure blob</c> dependency; false for an HTTP request body.</param>
/// <param name="Http">For an HTTP request: its method, URL and headers (the body is <paramref name="InputPath"/>); null for a blob.</param>
/// <param name="Reference">With deferred binding: the blob in the storage account, which the worker reads itself (<paramref name="InputPath"/> is empty).</param>
internal sealed record InvocationRequest(
    string InvocationId, string BlobName, string InputPath, long Length, string OutputDirectory, string Container = "", bool TrackBlobRead = true,
    HttpExchange? Http = null, BlobReference? Reference = null);

/// <summary>A blob in a storage account, for a worker that downloads it itself (deferred binding).</summary>
/// <param name="Uri">The blob's URL.</param>
/// <param name="LastModified">When the blob was seen complete (its trigger metadata's LastModified).</param>
internal sealed record BlobReference(string ContainerName, string BlobName, Uri Uri, DateTimeOffset LastModified);
