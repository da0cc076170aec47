using System.Text.Json.Serialization;

namespace OomLab.Workers.Protocol;

/// <summary>The invocation succeeded; every output (relative name) is flushed to disk; <paramref name="HttpStatus"/> is an HTTP function's status code.
/// The status travels only from a function app's worker (over gRPC), so oomlab's own JSON-lines protocol never carries it.</summary>
internal sealed record CompletedMessage(
    string InvocationId, long DurationTicks, IReadOnlyList<string> Outputs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? HttpStatus = null) : WorkerMessage;
