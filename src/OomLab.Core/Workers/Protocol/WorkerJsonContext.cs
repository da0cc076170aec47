using System.Text.Json.Serialization;

namespace OomLab.Workers.Protocol;

/// <summary>The source-generated serializer for the worker protocol: one JSON object per line, camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(HostMessage))]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
