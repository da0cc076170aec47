using System.Text.Json.Serialization;

namespace OomLab.Workers.Protocol;

/// <summary>A line a worker writes to its standard output; standard output carries nothing else.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ReadyMessage), "ready")]
[JsonDerivedType(typeof(LogMessage), "log")]
[JsonDerivedType(typeof(DependencyMessage), "dependency")]
[JsonDerivedType(typeof(CompletedMessage), "completed")]
[JsonDerivedType(typeof(FailedMessage), "failed")]
[JsonDerivedType(typeof(MetricsMessage), "metrics")]
internal abstract record WorkerMessage;
