using System.Diagnostics;
using OomLab.Memory;
using OomLab.Telemetry;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>
/// One running worker process seen from the host: sends invocations, matches their outcomes, and when
/// the process ends, fails every invocation still running on it with <see cref="InvocationWorkerLost"/>.
/// </summary>
internal sealed partial class WorkerProcess
{
    private const int StderrTailLines = 20;

    private readonly Process process;
    private readonly WorkerPoolOptions options;
    private readonly IWorkerChannel channel;
    private readonly Action<WorkerProcess, WorkerMessage> onMessage;
    private readonly Lock gate = new();
    private readonly Dictionary<string, PendingInvocation> pending = new(StringComparer.Ordinal);
    private readonly Queue<string> stderrTail = new();
    private readonly TaskCompletionSource<ReadyMessage?> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WorkerExit> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private WorkerExit? exit;
    private volatile bool killedOverCeiling;
    private volatile bool stopping;
    private volatile bool restartedForTimeout;
    private MemoryReading? lastReading;
    private long lastInstancePrivateBytes;

    private WorkerProcess(Process process, IWorkerChannel channel, string workerId, WorkerPoolOptions options, Action<WorkerProcess, WorkerMessage> onMessage)
    {
        this.process = process;
        this.channel = channel;
        this.options = options;
        this.onMessage = onMessage;
        WorkerId = workerId;
        ProcessId = process.Id;
        Sampler = new ProcessTreeSampler(process.Id);
    }

    public string WorkerId { get; }

    public int ProcessId { get; }

    /// <summary>Reads this worker's memory, its whole process tree's; used only by the pool's sampling loop.</summary>
    public ProcessTreeSampler Sampler { get; }

    /// <summary>Completes with the Ready message, or null when the process ended before it was ready.</summary>
    public Task<ReadyMessage?> Ready => ready.Task;

    /// <summary>Completes when the process has ended and every in-flight invocation has its outcome.</summary>
    public Task<WorkerExit> Exited => exited.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully && ready.Task.Result is not null && !HasExited;

    public bool HasExited => exited.Task.IsCompleted || exit is not null;

    /// <summary>True once the host has asked this worker to stop (kill or shutdown).</summary>
    public bool IsStopping => stopping || killedOverCeiling || restartedForTimeout;

    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>The last lines the worker wrote to standard error, for diagnostics.</summary>
    public string StderrTail
    {
        get
        {
            lock (stderrTail)
            {
                return string.Join(" ", stderrTail).Trim();
            }
        }
    }

    public static WorkerProcess Start(WorkerPoolOptions options, string workerId, Action<WorkerProcess, WorkerMessage> onMessage)
    {
        var channel = options.Transport.CreateChannel(workerId, options);
        Process process;
        try
        {
            process = Process.Start(channel.StartInfo) ?? throw new InvalidOperationException($"cannot start {channel.StartInfo.FileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // The command itself cannot run (missing, not executable): retrying will not help.
            throw new WorkerStartException(WorkerErrors.WorkerNotStartable(channel.StartInfo.FileName, ex.Message), workerId, -1);
        }

        var worker = new WorkerProcess(process, channel, workerId, options, onMessage);
        process.ErrorDataReceived += worker.OnStderr;
        process.BeginErrorReadLine();
        _ = worker.RunAsync();
        return worker;
    }

    /// <summary>Runs one invocation; never hangs on a dead worker (the outcome is then <see cref="InvocationWorkerLost"/>).</summary>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new PendingInvocation(request.InvocationId, Stopwatch.GetTimestamp());
        lock (gate)
        {
            if (exit is not null)
            {
                return new InvocationWorkerLost(request.InvocationId, WorkerId, exit, TimeSpan.Zero);
            }

            if (!pending.TryAdd(request.InvocationId, entry))
            {
                throw new InvalidOperationException($"invocation {request.InvocationId} is already running on {WorkerId}");
            }
        }

        // If the process is going away, its exit handler completes this invocation as WorkerLost.
        channel.Invoke(request);

        using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                pending.Remove(request.InvocationId);
            }

            entry.Outcome.TrySetCanceled(cancellationToken);
        });
        return await entry.Outcome.Task;
    }

    /// <summary>
    /// Gives up an invocation that outlived its timeout: it ends as <paramref name="outcome"/>, the worker is told, and
    /// the worker is killed so that it restarts (its other invocations end as lost with it, uncharged).
    /// </summary>
    public void RestartForTimeout(string invocationId, InvocationOutcome outcome)
    {
        PendingInvocation? entry;
        lock (gate)
        {
            pending.Remove(invocationId, out entry);
        }

        entry?.Outcome.TrySetResult(outcome);
        channel.Cancel(invocationId);
        restartedForTimeout = true;
        KillQuietly();
    }

    /// <summary>SIGKILLs the worker because the instance is over its ceiling, remembering the reading that decided it.</summary>
    public void KillOverCeiling(MemoryReading reading, long instancePrivateBytes)
    {
        lastReading = reading;
        Interlocked.Exchange(ref lastInstancePrivateBytes, instancePrivateBytes);
        killedOverCeiling = true;
        KillQuietly();
    }

    /// <summary>Remembers a reading so the exit record can carry the last one taken before death.</summary>
    public void Record(MemoryReading reading, long instancePrivateBytes)
    {
        lastReading = reading;
        Interlocked.Exchange(ref lastInstancePrivateBytes, instancePrivateBytes);
    }

    /// <summary>Asks the worker to finish its in-flight invocations and exit; kills it after <paramref name="timeout"/>.</summary>
    public async Task<WorkerExit> ShutdownAsync(TimeSpan timeout)
    {
        stopping = true;
        channel.Shutdown();
        try
        {
            return await Exited.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            KillQuietly();
            return await Exited;
        }
    }

    /// <summary>Kills the worker without calling it a ceiling kill (start timeout, pool disposal).</summary>
    public void Abort()
    {
        stopping = true;
        KillQuietly();
    }

    private void KillQuietly()
    {
        try
        {
            // The whole tree: a worker is whatever its process started too (a launcher script, a child runtime).
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await channel.RunAsync(process, Handle, OnStderrLine);
        }
#pragma warning disable CA1031 // Whatever broke the channel, the worker can no longer be heard: stop it, so its exit is noticed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write($"{WorkerId}: its channel failed ({ex.GetType().Name}: {ex.Message}); stopping it");
            KillQuietly();
        }

        await process.WaitForExitAsync();
        OnExited();
    }

    private void Handle(WorkerMessage message)
    {
        try
        {
            Dispatch(message);
        }
#pragma warning disable CA1031 // One bad message must not stop the loop that notices the worker's exit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write($"{WorkerId}: cannot handle a worker message: {ex.Message}");
        }
    }

    private void Dispatch(WorkerMessage message)
    {
        switch (message)
        {
            case ReadyMessage readyMessage:
                ready.TrySetResult(readyMessage);
                break;
            case CompletedMessage completed:
                Complete(completed.InvocationId, id => new InvocationSucceeded(id, WorkerId, TimeSpan.FromTicks(completed.DurationTicks), completed.Outputs, completed.HttpStatus));
                break;
            case FailedMessage failed:
                Complete(failed.InvocationId, id => new InvocationFailed(id, WorkerId, failed.ExceptionType, failed.Message, failed.Details, TimeSpan.FromTicks(failed.DurationTicks)));
                break;
        }

        onMessage(this, message);
    }

    private void Complete(string invocationId, Func<string, InvocationOutcome> outcome)
    {
        PendingInvocation? entry;
        lock (gate)
        {
            if (!pending.Remove(invocationId, out entry))
            {
                return;
            }
        }

        entry.Outcome.TrySetResult(outcome(invocationId));
    }

    private void OnExited()
    {
        var status = ExitStatus.From(process.ExitCode, killedOverCeiling);
        var stderr = StderrTail;
        PendingInvocation[] lost;
        WorkerExit record;
        lock (gate)
        {
            lost = [.. pending.Values];
            pending.Clear();
            record = new WorkerExit(
                WorkerId, ProcessId, status, killedOverCeiling, lastReading, Interlocked.Read(ref lastInstancePrivateBytes),
                options.Ceiling, [.. lost.Select(p => p.InvocationId)], Stopwatch.GetElapsedTime(startedAt))
            {
                Expected = stopping,
                RestartedForTimeout = restartedForTimeout,
                StderrTail = stderr,
            };
            exit = record;
        }

        foreach (var entry in lost)
        {
            entry.Outcome.TrySetResult(new InvocationWorkerLost(entry.InvocationId, WorkerId, record, Stopwatch.GetElapsedTime(entry.StartedAt)));
        }

        ready.TrySetResult(null);
        process.Dispose();
        exited.TrySetResult(record);
    }

    private void OnStderr(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is { } line)
        {
            OnStderrLine(line);
        }
    }

    private void OnStderrLine(string line)
    {
        lock (stderrTail)
        {
            stderrTail.Enqueue(line);
            while (stderrTail.Count > StderrTailLines)
            {
                stderrTail.Dequeue();
            }
        }
    }
}
