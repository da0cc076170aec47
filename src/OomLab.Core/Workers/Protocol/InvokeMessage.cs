namespace OomLab.Workers.Protocol;

/// <summary>Run the function once over <paramref name="InputPath"/>, writing outputs under <paramref name="OutputDir"/>.</summary>
internal sealed record InvokeMessage(
    string InvocationId, string BlobName, string InputPath, long Length, string OutputDir, string Container = "", bool TrackBlobRead = true)
    : HostMessage;
