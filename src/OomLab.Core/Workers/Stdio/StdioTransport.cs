namespace OomLab.Workers.Stdio;

/// <summary>
/// oomlab's own workers: <c>oomlab worker --functions &lt;assembly&gt; --function &lt;name&gt;</c>, speaking
/// newline-delimited JSON over standard input and output (docs/workers.md). The worker reads its input blob itself.
/// </summary>
/// <param name="command">The program that starts a worker: the <c>oomlab</c> apphost, or <c>dotnet</c>.</param>
/// <param name="commandPrefix">Arguments before the worker verb: empty for the apphost, <c>[path/oomlab.dll]</c> for <c>dotnet</c>.</param>
/// <param name="functionsAssembly">Path of the assembly holding the function.</param>
internal sealed class StdioTransport(string command, IReadOnlyList<string> commandPrefix, string functionsAssembly) : IWorkerTransport
{
    public string Command { get; } = Required(command);

    public IReadOnlyList<string> CommandPrefix { get; } = commandPrefix ?? throw new ArgumentNullException(nameof(commandPrefix));

    public string FunctionsAssembly { get; } = Required(functionsAssembly);

    public string Runtime => "oomlab";

    public long HeldBytes => 0;

    public bool ReadsItself(BlobReference reference) => false;

    public string? GaveUpText => null;

    public IEnumerable<string> ExitTexts(WorkerExit exit) => [];

    /// <summary>oomlab's exponential backoff (<see cref="WorkerPoolOptions.RestartBackoffInitial"/>), or a fixed delay when one is given.</summary>
    public WorkerPoolOptions WithRestartPolicy(WorkerPoolOptions options, TimeSpan? restartDelay)
    {
        ArgumentNullException.ThrowIfNull(options);
        return restartDelay is { } delay ? options with { RestartBackoffInitial = delay, RestartBackoffMax = delay } : options;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IWorkerChannel CreateChannel(string workerId, WorkerPoolOptions options) => new StdioChannel(this, workerId, options);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
