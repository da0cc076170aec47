namespace OomLab.Report;

/// <summary>A blob whose invocations failed, from <c>requests.customDimensions.BlobName</c>.</summary>
internal sealed record FailingBlob(string Blob, long Failures, long Attempts);
