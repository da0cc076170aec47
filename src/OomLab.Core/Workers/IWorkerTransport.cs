namespace OomLab.Workers;

/// <summary>
/// One way of talking to worker processes: oomlab's own JSON-lines protocol over standard input and output
/// (<see cref="Stdio.StdioTransport"/>), or the Functions host &lt;-&gt; language worker gRPC protocol for a user's
/// function app (<see cref="Rpc.RpcTransport"/>). The pool starts, watches, kills and restarts workers the same
/// way whichever it is; only how a process is started and how its messages travel differ.
/// </summary>
internal interface IWorkerTransport : IAsyncDisposable
{
    /// <summary>The runtime as the Functions host names it: <c>oomlab</c>, <c>dotnet-isolated</c>, <c>python</c>.</summary>
    string Runtime { get; }

    /// <summary>
    /// Bytes the host itself holds for invocations in flight (a blob read whole to be sent to the worker); counted
    /// in the instance's memory against the ceiling, as the production host's own memory is. 0 when the worker
    /// reads its input itself.
    /// </summary>
    long HeldBytes { get; }

    /// <summary>
    /// Whether the function's blob trigger binds lazily (deferred binding) and its worker can read the blob from this
    /// reference itself (a storage account, or for oomlab's Python worker a folder backend's file), so the host reads
    /// nothing; otherwise the host reads the blob and sends its bytes.
    /// </summary>
    bool ReadsItself(BlobReference reference);

    /// <summary>Prepares what every worker needs (a server to dial in to); called once, before the first worker.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The production host's own texts for a worker's end (traced as errors beside the seed's <c>Worker process exited
    /// with code N</c>): none for oomlab's workers.
    /// </summary>
    IEnumerable<string> ExitTexts(WorkerExit exit);

    /// <summary>What the production host logs when a worker's restart budget is spent, or null for oomlab's own wording.</summary>
    string? GaveUpText { get; }

    /// <summary>
    /// <paramref name="options"/> with this kind of worker's restart policy: oomlab's backoff for its own workers, the
    /// Functions host's fixed interval and error budget for a function app. A <paramref name="restartDelay"/> replaces the
    /// delay before each restart (the CLI's <c>--restart-delay</c>).
    /// </summary>
    WorkerPoolOptions WithRestartPolicy(WorkerPoolOptions options, TimeSpan? restartDelay);

    /// <summary>A channel for one new worker process: how to start it, then its messages.</summary>
    IWorkerChannel CreateChannel(string workerId, WorkerPoolOptions options);
}
