using System.Diagnostics;
using System.Globalization;
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
    private readonly MessageOutbox<HostMessage> outbox = new(WorkerJsonContext.Default.HostMessage);
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
    private MemoryReading? lastReading;
    private long lastInstancePrivateBytes;

    private WorkerProcess(Process process, string workerId, WorkerPoolOptions options, Action<WorkerProcess, WorkerMessage> onMessage)
    {
        this.process = process;
        this.options = options;
        this.onMessage = onMessage;
        WorkerId = workerId;
        ProcessId = process.Id;
        Sampler = new ProcessMemorySampler(process.Id);
    }

    public string WorkerId { get; }

    public int ProcessId { get; }

    /// <summary>Reads this worker's memory; used only by the pool's sampling loop.</summary>
    public ProcessMemorySampler Sampler { get; }

    /// <summary>Completes with the Ready message, or null when the process ended before it was ready.</summary>
    public Task<ReadyMessage?> Ready => ready.Task;

    /// <summary>Completes when the process has ended and every in-flight invocation has its outcome.</summary>
    public Task<WorkerExit> Exited => exited.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully && ready.Task.Result is not null && !HasExited;

    public bool HasExited => exited.Task.IsCompleted || exit is not null;

    /// <summary>True once the host has asked this worker to stop (kill or shutdown).</summary>
    public bool IsStopping => stopping || killedOverCeiling;

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
        var info = new ProcessStartInfo(options.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in options.CommandPrefix)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in (string[])["worker", "--functions", options.FunctionsAssembly, "--function", options.FunctionName])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in options.Environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["OOMLAB_WORKER_ID"] = workerId;
        info.Environment["DOTNET_gcServer"] = "0";
        if (options.GcHeapHardLimitBytes > 0)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = options.GcHeapHardLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {options.Command}");
        var worker = new WorkerProcess(process, workerId, options, onMessage);
        process.ErrorDataReceived += worker.OnStderr;
        process.BeginErrorReadLine();
        // Sending starts first: the read loop disposes of the process as soon as it has exited.
        _ = worker.SendLoopAsync(process.StandardInput.BaseStream);
        _ = worker.ReadLoopAsync();
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
        outbox.Post(new InvokeMessage(
            request.InvocationId, request.BlobName, request.InputPath, request.Length, request.OutputDirectory, request.Container, request.TrackBlobRead));

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
        outbox.Post(new ShutdownMessage());
        outbox.Complete();
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
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task SendLoopAsync(Stream input)
    {
        try
        {
            await outbox.SendAsync(input);
        }
#pragma warning disable CA1031 // Whatever broke sending, the worker can no longer be told anything: stop it, so that it restarts.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write($"{WorkerId}: messages to it cannot be sent ({ex.GetType().Name}: {ex.Message}); stopping it");
            KillQuietly();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            var reader = new MessageReader<WorkerMessage>(process.StandardOutput.BaseStream, WorkerJsonContext.Default.WorkerMessage);
            while (await reader.ReadAsync() is { } read)
            {
                try
                {
                    Handle(read);
                }
#pragma warning disable CA1031 // One bad message must not stop the loop that notices the worker's exit.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    SelfLog.Write($"{WorkerId}: cannot handle a worker message: {ex.Message}");
                }
            }
        }
        catch (IOException)
        {
        }
#pragma warning disable CA1031 // Whatever broke the stream, the worker can no longer be heard: stop it, so its exit is noticed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write($"{WorkerId}: its messages cannot be read ({ex.GetType().Name}: {ex.Message}); stopping it");
            KillQuietly();
        }

        await process.WaitForExitAsync();
        OnExited();
    }

    private void Handle(MessageRead<WorkerMessage> read)
    {
        if (read.Line is { } line)
        {
            OnStderrLine($"(not protocol) {line}");
            return;
        }

        var message = read.Message;
        switch (message)
        {
            case ReadyMessage readyMessage:
                ready.TrySetResult(readyMessage);
                break;
            case CompletedMessage completed:
                Complete(completed.InvocationId, id => new InvocationSucceeded(id, WorkerId, TimeSpan.FromTicks(completed.DurationTicks), completed.Outputs));
                break;
            case FailedMessage failed:
                Complete(failed.InvocationId, id => new InvocationFailed(id, WorkerId, failed.ExceptionType, failed.Message, failed.Details, TimeSpan.FromTicks(failed.DurationTicks)));
                break;
        }

        if (message is not null)
        {
            onMessage(this, message);
        }
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
            };
            exit = record;
        }

        foreach (var entry in lost)
        {
            entry.Outcome.TrySetResult(new InvocationWorkerLost(entry.InvocationId, WorkerId, record, Stopwatch.GetElapsedTime(entry.StartedAt)));
        }

        ready.TrySetResult(null);
        outbox.Complete();
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
