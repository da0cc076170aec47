using System.Diagnostics;
using System.Globalization;
using OomLab.Telemetry;
using OomLab.Workers.Protocol;

namespace OomLab.Workers.Stdio;

/// <summary>One oomlab worker's JSON lines: invocations out through an outbox, messages in through a <see cref="MessageReader{T}"/>.</summary>
internal sealed class StdioChannel : IWorkerChannel
{
    private readonly string workerId;
    private readonly MessageOutbox<HostMessage> outbox = new(WorkerJsonContext.Default.HostMessage);

    public StdioChannel(StdioTransport transport, string workerId, WorkerPoolOptions options)
    {
        this.workerId = workerId;
        var info = new ProcessStartInfo(transport.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in transport.CommandPrefix)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in (string[])["worker", "--functions", transport.FunctionsAssembly, "--function", options.FunctionName])
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

        StartInfo = info;
    }

    public ProcessStartInfo StartInfo { get; }

    public async Task RunAsync(Process process, Action<WorkerMessage> onMessage, Action<string> onOutput)
    {
        // Sending starts first: the pool disposes of the process as soon as this returns and the process has exited.
        _ = SendLoopAsync(process);
        try
        {
            var reader = new MessageReader<WorkerMessage>(process.StandardOutput.BaseStream, WorkerJsonContext.Default.WorkerMessage);
            while (await reader.ReadAsync() is { } read)
            {
                if (read.Line is { } line)
                {
                    onOutput($"(not protocol) {line}");
                }
                else if (read.Message is { } message)
                {
                    onMessage(message);
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
            SelfLog.Write($"{workerId}: its messages cannot be read ({ex.GetType().Name}: {ex.Message}); stopping it");
            Kill(process);
        }
        finally
        {
            outbox.Complete();
        }
    }

    public void Invoke(InvocationRequest request) =>
        outbox.Post(new InvokeMessage(
            request.InvocationId, request.BlobName, request.InputPath, request.Length, request.OutputDirectory, request.Container, request.TrackBlobRead));

    public void Cancel(string invocationId)
    {
        // oomlab's protocol has no cancel message: a timed-out invocation's worker is restarted.
    }

    public void Shutdown()
    {
        outbox.Post(new ShutdownMessage());
        outbox.Complete();
    }

    private async Task SendLoopAsync(Process process)
    {
        try
        {
            await outbox.SendAsync(process.StandardInput.BaseStream);
        }
#pragma warning disable CA1031 // Whatever broke sending, the worker can no longer be told anything: stop it, so that it restarts.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write($"{workerId}: messages to it cannot be sent ({ex.GetType().Name}: {ex.Message}); stopping it");
            Kill(process);
        }
    }

    private static void Kill(Process process)
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
}
