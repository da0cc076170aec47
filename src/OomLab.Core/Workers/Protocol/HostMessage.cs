using System.Text.Json.Serialization;

namespace OomLab.Workers.Protocol;

/// <summary>A line the host writes to a worker's standard input.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InvokeMessage), "invoke")]
[JsonDerivedType(typeof(ShutdownMessage), "shutdown")]
internal abstract record HostMessage;
