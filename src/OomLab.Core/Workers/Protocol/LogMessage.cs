namespace OomLab.Workers.Protocol;

/// <summary>A function log line; <paramref name="Level"/> is an <c>OomLab.Sdk.LogLevel</c> value.</summary>
internal sealed record LogMessage(string InvocationId, int Level, string Message) : WorkerMessage;
