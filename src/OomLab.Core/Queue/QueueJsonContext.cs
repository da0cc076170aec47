using System.Text.Json.Serialization;

namespace OomLab.Queue;

/// <summary>Source-generated JSON for receipts' output lists.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
