using System.Text.Json;
using System.Text.Json.Serialization;

namespace OomLab.Storage.Azure;

/// <summary>
/// The internal queue's message, as the Functions blob trigger writes it (<c>Type</c>, <c>FunctionId</c>, <c>BlobType</c>,
/// <c>ContainerName</c>, <c>BlobName</c>, <c>ETag</c>), with what oomlab adds: the blob's length and when it was seen
/// (the arrival-to-start latency), the dequeues returned uncharged (a host that stopped, an innocent neighbour of a
/// crash) and the last failure's reason, which the poison message carries.
/// </summary>
internal sealed record BlobTriggerMessage(
    string Type, string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag,
    long Length, DateTimeOffset ObservedAt, int Uncharged = 0, string? LastReason = null,
    string? PoisonReason = null, int? DequeueCount = null, DateTimeOffset? PoisonedAt = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, AzureJsonContext.Default.BlobTriggerMessage);

    /// <summary>The message in <paramref name="text"/>; null for text that is not one.</summary>
    public static BlobTriggerMessage? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, AzureJsonContext.Default.BlobTriggerMessage) is { Type: "BlobTrigger" } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A receipt's content once the blob's outputs are durable: the invocation, the instance that ran it, its outputs.</summary>
internal sealed record BlobReceipt(string InvocationId, string Instance, IReadOnlyList<string> Outputs, DateTimeOffset CompletedAt);

/// <summary>The scan cursor, as the blob trigger stores it.</summary>
internal sealed record ScanInfo(DateTimeOffset LatestScan);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlobTriggerMessage))]
[JsonSerializable(typeof(BlobReceipt))]
[JsonSerializable(typeof(ScanInfo))]
internal sealed partial class AzureJsonContext : JsonSerializerContext;
