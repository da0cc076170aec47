using System.Collections.Concurrent;
using System.Diagnostics;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>
/// The worker side of the protocol: loads the function, says Ready, runs each Invoke concurrently on the
/// thread pool, and reports outcomes, logs, dependencies and metrics. Runs until Shutdown (drains
/// in-flight invocations, exit 0) or until its input closes because the host is gone (exit 0 at once).
/// </summary>
internal sealed class WorkerRuntime
{
    private readonly LoadedFunction function;
    private readonly MessageOutbox<WorkerMessage> outbox = new(WorkerJsonContext.Default.WorkerMessage);
    private readonly ConcurrentDictionary<string, Task> inFlight = new(StringComparer.Ordinal);
    private readonly WorkerMetricsProbe probe = new();
    private readonly TimeSpan metricsInterval;
    private readonly TimeProvider timeProvider;

    public WorkerRuntime(LoadedFunction function, TimeProvider timeProvider, TimeSpan? metricsInterval = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        this.function = function;
        this.timeProvider = timeProvider;
        this.metricsInterval = metricsInterval ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Serves the protocol over <paramref name="input"/> and <paramref name="output"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = outbox.SendAsync(output);
        var (privateBytes, workingSet) = probe.Memory();
        Send(new ReadyMessage(
            Environment.ProcessId, function.Name, privateBytes, workingSet,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
        var metrics = ReportMetricsAsync(stop.Token);

        var reader = new MessageReader<HostMessage>(input, WorkerJsonContext.Default.HostMessage);
        var shutdown = false;
        while (!shutdown && await reader.ReadAsync(stop.Token) is { } read)
        {
            shutdown = Dispatch(read);
        }

        if (shutdown)
        {
            await Task.WhenAll(inFlight.Values);
        }

        await stop.CancelAsync();
        await metrics;
        outbox.Complete();
        await sending;
        return 0;
    }

    private bool Dispatch(MessageRead<HostMessage> read)
    {
        if (read.Line is { } line)
        {
            Console.Error.WriteLine($"worker: ignoring a malformed host message: {line}");
            return false;
        }

        switch (read.Message)
        {
            case InvokeMessage invoke:
                inFlight[invoke.InvocationId] = Task.Run(() => InvokeAsync(invoke));
                return false;
            case ShutdownMessage:
                return true;
            default:
                return false;
        }
    }

    private async Task InvokeAsync(InvokeMessage invoke)
    {
        var started = Stopwatch.GetTimestamp();
        var context = new WorkerBlobContext(invoke, Send);
        try
        {
            await function.Instance.RunAsync(context);
            var outputs = await context.CompleteAsync();
            Send(new CompletedMessage(invoke.InvocationId, Stopwatch.GetElapsedTime(started).Ticks, outputs));
        }
#pragma warning disable CA1031 // Any exception from user code is the invocation's outcome, reported to the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await CloseQuietlyAsync(context);
            Send(Failed(invoke.InvocationId, ex, Stopwatch.GetElapsedTime(started)));
        }
        finally
        {
            inFlight.TryRemove(invoke.InvocationId, out _);
        }
    }

    private static FailedMessage Failed(string invocationId, Exception ex, TimeSpan duration)
    {
        string details;
        try
        {
            details = ex.ToString();
        }
        catch (OutOfMemoryException)
        {
            details = $"{ex.GetType().FullName}: {ex.Message}";
        }

        return new FailedMessage(invocationId, ex.GetType().FullName ?? ex.GetType().Name, ProtocolLimits.Clip(ex.Message), ProtocolLimits.Clip(details), duration.Ticks);
    }

    private static async Task CloseQuietlyAsync(WorkerBlobContext context)
    {
        try
        {
            await context.CompleteAsync();
        }
#pragma warning disable CA1031 // The invocation already failed; a second failure while closing must not hide the first.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task ReportMetricsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(metricsInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Send(probe.Measure());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Send(WorkerMessage message) => outbox.Post(message);
}
