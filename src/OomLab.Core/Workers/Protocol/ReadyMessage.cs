namespace OomLab.Workers.Protocol;

/// <summary>The worker loaded its function and waits for invocations; <paramref name="PrivateBytes"/> is its idle footprint;
/// <paramref name="GcHeapHardLimit"/> is the memory the GC may use (the hard limit when one is set).</summary>
internal sealed record ReadyMessage(int Pid, string Function, long PrivateBytes, long WorkingSet, long GcHeapHardLimit)
    : WorkerMessage;
