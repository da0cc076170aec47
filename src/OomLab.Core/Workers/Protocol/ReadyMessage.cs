namespace OomLab.Workers.Protocol;

/// <summary>The worker loaded its function and waits for invocations; <paramref name="PrivateBytes"/> is its idle footprint.</summary>
internal sealed record ReadyMessage(int Pid, string Function, long PrivateBytes, long WorkingSet, long GcHeapHardLimit)
    : WorkerMessage;
