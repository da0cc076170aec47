namespace OomLab.Workers.Protocol;

/// <summary>Finish in-flight invocations and exit with code 0.</summary>
internal sealed record ShutdownMessage : HostMessage;
